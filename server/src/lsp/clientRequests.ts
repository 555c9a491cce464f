/**
 * Requests the server sends to the client and waits for
 * (`workspace/configuration`, `window/workDoneProgress/create`). A client
 * that never answers must not stall linting or the workspace scan, so each
 * wait is bounded; an answer that comes after the bound is reported, so the
 * server can use it then, and lengthens the bound for later requests (a
 * slow client is then waited for, not answered with defaults forever).
 */

/** The first bound: VS Code answers in milliseconds, even while starting up it takes well under this. */
export const CLIENT_TIMEOUT_MS = 5_000;
const MAX_TIMEOUT_MS = 60_000;

/** Thrown (as a rejection) when the client did not answer in time. */
export class ClientTimeoutError extends Error {
  constructor(method: string, ms: number) {
    super(`the client did not answer ${method} within ${ms / 1000} s`);
    this.name = 'ClientTimeoutError';
  }
}

/** Bounds the waits for one kind of client request. */
export class ClientRequests {
  private timeoutMs: number;

  constructor(
    private readonly method: string,
    /** Called once per answer that arrived after its request had timed out. */
    private readonly onLateAnswer: () => void,
    timeoutMs = CLIENT_TIMEOUT_MS,
  ) {
    this.timeoutMs = timeoutMs;
  }

  /** The current bound, in milliseconds. */
  get timeout(): number {
    return this.timeoutMs;
  }

  /**
   * Settles like `request`, or rejects with {@link ClientTimeoutError} when
   * it takes longer than the bound. Errors after the bound are dropped.
   */
  bounded<T>(request: Promise<T>): Promise<T> {
    const started = Date.now();
    const limit = this.timeoutMs;
    return new Promise<T>((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        reject(new ClientTimeoutError(this.method, limit));
      }, limit);
      request.then(
        (value) => {
          clearTimeout(timer);
          if (!timedOut) {
            resolve(value);
            return;
          }
          // Wait long enough next time for a client this slow.
          this.timeoutMs = Math.min(MAX_TIMEOUT_MS, Math.max(this.timeoutMs, 2 * (Date.now() - started)));
          this.onLateAnswer();
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (!timedOut) reject(error);
        },
      );
    });
  }
}
