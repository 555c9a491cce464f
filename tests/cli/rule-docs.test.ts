// Every rule the engine registers must carry help into SARIF; this keeps the
// CLI's documentation in step with rules other people add to the registry.
import { describe, expect, it } from 'vitest';
import { RULE_DOCS, ruleDocumentation } from '../../server/src/cli/rule-docs';
import { RULES } from '../../server/src/engine';

describe('rule documentation', () => {
  it('has an entry for every registry rule, and none for rules that do not exist', () => {
    expect(Object.keys(RULE_DOCS).sort()).toEqual(RULES.map((rule) => rule.id).sort());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s: full description and help build on the one-line description', (id, rule) => {
    const docs = ruleDocumentation(rule);
    expect(docs.shortDescription).toBe(rule.description);
    expect(docs.fullDescription).toBe(`${rule.description} ${RULE_DOCS[id]!.details}`);
    expect(docs.help.split('\n\n')).toEqual([
      docs.fullDescription,
      RULE_DOCS[id]!.howToFix,
      expect.stringContaining(`policylint-disable-next-line ${id}`),
    ]);
  });

  it('holds no links, as the tool has no site to send readers to', () => {
    for (const rule of RULES) expect(ruleDocumentation(rule).help).not.toMatch(/https?:|www\./i);
  });

  it('falls back to the one-line description for a rule without an entry', () => {
    const docs = ruleDocumentation({ id: 'brand-new-rule', description: 'Something new is wrong.' });
    expect(docs.fullDescription).toBe('Something new is wrong.');
    expect(docs.help.split('\n\n')[0]).toBe('Something new is wrong.');
    expect(docs.help).toContain('rules.brand-new-rule');
    // Prototype keys are not entries.
    expect(ruleDocumentation({ id: 'constructor', description: 'x' }).fullDescription).toBe('x');
  });
});
