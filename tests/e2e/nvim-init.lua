-- Minimal Neovim (0.7) config for tests/e2e/neovim.test.ts: opens the draft
-- given on the command line as plain text (filetype "text", as for any .txt),
-- attaches the built-in LSP client to the policylint server over stdio, waits
-- for the pushed diagnostics, then appends $POLICYLINT_NVIM_APPEND to the
-- buffer and waits for a diagnostic with code $POLICYLINT_NVIM_EXPECT_CODE.
-- Writes both sets as JSON to $POLICYLINT_NVIM_OUT and quits.
-- 0.7 has no vim.lsp.start: vim.lsp.start_client + vim.lsp.buf_attach_client.
local out = assert(os.getenv('POLICYLINT_NVIM_OUT'), 'POLICYLINT_NVIM_OUT not set')
local server = assert(os.getenv('POLICYLINT_SERVER'), 'POLICYLINT_SERVER not set')
local append = assert(os.getenv('POLICYLINT_NVIM_APPEND'), 'POLICYLINT_NVIM_APPEND not set')
local expect_code = assert(os.getenv('POLICYLINT_NVIM_EXPECT_CODE'), 'POLICYLINT_NVIM_EXPECT_CODE not set')
local node = os.getenv('POLICYLINT_NODE') or 'node'
local timeout_ms = tonumber(os.getenv('POLICYLINT_NVIM_TIMEOUT_MS') or '120000')

local function finish(result, code)
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd((code == 0) and 'qall!' or ('cquit ' .. code))
end

-- The buffer's diagnostics, with UTF-16 columns beside Neovim's byte columns
-- (the CLI reports UTF-16 code units).
local function snapshot(bufnr)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local function utf16(lnum, col)
    local line = lines[lnum + 1] or ''
    if col > #line then return nil end
    local _, units = vim.str_utfindex(line, col)
    return units
  end
  local result = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result, {
      code = d.code,
      source = d.source,
      severity = d.severity,
      message = d.message,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      col16 = utf16(d.lnum, d.col),
      end_col16 = utf16(d.end_lnum, d.end_col),
    })
  end
  return result
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(bufnr)
  vim.bo[bufnr].filetype = 'text'

  local exit_info
  local client_id = vim.lsp.start_client({
    name = 'policylint',
    -- The command line the README gives other editors.
    cmd = { node, '--expose-gc', server, '--stdio' },
    cmd_env = { MALLOC_MMAP_THRESHOLD_ = '131072' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    on_exit = function(code, signal) exit_info = { code = code, signal = signal } end,
  })
  if not client_id then
    return finish({ error = 'vim.lsp.start_client failed' }, 3)
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  local function wait_for(what, done)
    local ok = vim.wait(timeout_ms, function() return done() or exit_info ~= nil end, 50)
    if done() then return true end
    finish({
      error = (ok and 'the server exited' or ('timed out after ' .. timeout_ms .. ' ms')) .. ' waiting for ' .. what,
      exit = exit_info,
      languageId = client and client.config.get_language_id(bufnr, vim.bo[bufnr].filetype),
      diagnostics = snapshot(bufnr),
    }, 4)
    return false
  end

  if not wait_for('the first diagnostics', function() return #vim.diagnostic.get(bufnr) > 0 end) then return end
  local opened = snapshot(bufnr)

  -- An edit in the buffer (not on disk) must reach the server and come back as a finding.
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { append })
  local function has_expected()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == expect_code then return true end
    end
    return false
  end
  if not wait_for('a ' .. expect_code .. ' diagnostic after the edit', has_expected) then return end
  local edited = snapshot(bufnr)

  vim.lsp.stop_client(client_id)
  finish({ file = file, opened = opened, edited = edited }, 0)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then finish({ error = tostring(err) }, 5) end
  end,
})
