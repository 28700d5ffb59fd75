// Drives headless Chromium (playwright-core + /usr/bin/chromium) through the
// local warehouse's U2M sign-in: opens the authorize URL, fills the login form
// if one is shown, and waits until the browser is sent to the client's
// redirect_uri. Used by the auth tests and, through browser-login-cli.mjs, as
// the driver's BrowserCommand.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.DBSQL_TEST_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// The server sends the browser to exactly the redirect_uri the client put in
// the authorize URL (plus a query), so origin and path identify the redirect.
function redirectMatcher(authorizeUrl) {
  const redirect = new URL(authorizeUrl).searchParams.get('redirect_uri');
  if (!redirect) throw new Error('authorize URL has no redirect_uri');
  const target = new URL(redirect);
  return (candidate) => {
    let u;
    try { u = new URL(candidate); } catch { return false; }
    return u.origin === target.origin && (u.pathname === target.pathname || (target.pathname === '/' && u.pathname === ''));
  };
}

function isLoopback(url) {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
}

/**
 * Signs in through the browser. Resolves with
 *   { url, code, state, error, error_description, status }
 * taken from the request the browser made to redirect_uri (status is the
 * loopback listener's HTTP status, or null if nothing answered there).
 * Rejects when the login is refused, the server shows an error page, or the
 * redirect does not happen within timeoutMs.
 */
export async function browserLogin(authorizeUrl, { user, password, timeoutMs = 30000, chromiumPath = CHROMIUM } = {}) {
  const isRedirect = redirectMatcher(authorizeUrl);
  const profile = await mkdtemp(path.join(tmpdir(), 'dbsql-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true, args: ARGS, // the profile dir becomes --user-data-dir
    // A --tls warehouse uses a CA of its own that Chromium does not know. This
    // browser only ever talks to a local test server, and the driver under
    // test still verifies TLS itself, so certificate errors are ignored for
    // loopback authorize URLs only.
    ignoreHTTPSErrors: isLoopback(authorizeUrl),
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(timeoutMs);
    const redirected = page.waitForRequest((r) => isRedirect(r.url()), { timeout: timeoutMs });
    redirected.catch(() => {}); // awaited below; avoid an unhandled rejection meanwhile

    let redirectSeen = false;
    page.on('request', (r) => { redirectSeen ||= isRedirect(r.url()); });
    let gotoError = null;
    const first = await page.goto(authorizeUrl, { waitUntil: 'domcontentloaded' }).catch((err) => { gotoError = err; return null; });
    // A failed navigation is fine when it is the redirect to a listener that
    // is gone; otherwise the authorize URL itself could not be opened.
    if (gotoError && !redirectSeen) throw new Error(`cannot open the authorize URL: ${gotoError.message.split('\n')[0]}`);
    const seen = await Promise.race([
      redirected.then(() => 'redirect'),
      page.waitForSelector('form#login', { state: 'attached' }).then(() => 'login', () => 'none'),
    ]);
    if (seen === 'none') throw new Error(`no login form and no redirect: ${await describe(page, first)}`);
    if (seen === 'login') {
      if (user === undefined || password === undefined) throw new Error('login form shown but no user/password given');
      await page.fill('input[name=username]', user);
      await page.fill('input[name=password]', password);
      await Promise.all([page.waitForLoadState('domcontentloaded'), page.click('button[type=submit]')]);
      const outcome = await Promise.race([
        redirected.then(() => 'redirect'),
        page.waitForSelector('[data-login-error], [data-oauth-error]', { state: 'attached' }).then(() => 'error', () => 'none'),
      ]);
      if (outcome !== 'redirect') throw new Error(`sign-in failed: ${await describe(page, null)}`);
    }
    const request = await redirected;
    const response = await request.response().catch(() => null);
    const params = new URL(request.url()).searchParams;
    return {
      url: request.url(),
      code: params.get('code'),
      state: params.get('state'),
      error: params.get('error'),
      error_description: params.get('error_description'),
      status: response ? response.status() : null,
    };
  } finally {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  }
}

async function describe(page, response) {
  const text = await page.locator('body').innerText({ timeout: 2000 }).catch(() => '');
  const status = response ? `HTTP ${response.status()} ` : '';
  return `${status}${page.url()} ${text.replace(/\s+/g, ' ').slice(0, 300)}`.trim();
}
