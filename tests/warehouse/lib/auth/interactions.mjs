// The interactive part of U2M: the login form and an automatic consent.
// oidc-provider redirects the browser to <issuer>/interaction/<uid>; this
// module answers those URLs (GET shows the form, POST .../login checks it).
//
// Consent is granted without a page, like a workspace does for its own
// pre-approved apps. oidc-provider always asks native clients for consent
// (policy check native_client_prompt) and mount.mjs forces prompt=consent to
// keep offline_access, so this auto-consent runs on every authorization;
// doing it here, instead of faking a grant in loadExistingGrant, avoids the
// consent loop described in test-infrastructure.md.
import { loginPage, errorPage } from './login-page.mjs';

const MAX_FORM_BYTES = 16 * 1024;

function sendHtml(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_FORM_BYTES) throw new Error('form too large');
  }
  return Object.fromEntries(new URLSearchParams(body));
}

async function autoConsent(provider, req, res, interaction) {
  const { prompt: { details }, params, session, grantId } = interaction;
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes || {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const savedId = await grant.save();
  const consent = grantId ? {} : { grantId: savedId };
  await provider.interactionFinished(req, res, { consent }, { mergeWithLastSubmission: true });
}

// checkLogin(username, password) -> accountId or null.
export function makeInteractionHandler({ provider, prefix, checkLogin, log }) {
  return async function handleInteraction(req, res, path) {
    const m = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
    if (!m) return sendHtml(res, 404, errorPage({ error: 'not_found', error_description: 'No such page.' }));
    try {
      const interaction = await provider.interactionDetails(req, res);
      if (interaction.uid !== m[1]) throw new Error('interaction mismatch');
      const action = `${prefix}/interaction/${interaction.uid}/login`;
      const clientId = interaction.params.client_id;
      const promptName = interaction.prompt.name;

      if (req.method === 'GET' && promptName === 'login') return sendHtml(res, 200, loginPage({ action, clientId }));
      if (req.method === 'GET' && promptName === 'consent') return await autoConsent(provider, req, res, interaction);
      if (req.method === 'POST' && m[2] && promptName === 'login') {
        const form = await readForm(req);
        const accountId = checkLogin(form.username, form.password);
        if (!accountId) {
          log('auth: sign-in rejected (wrong user name or password)');
          return sendHtml(res, 401, loginPage({ action, clientId, username: form.username, error: 'Wrong user name or password.' }));
        }
        return await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
      }
      return sendHtml(res, 400, errorPage({ error: 'invalid_request', error_description: `Unexpected ${req.method} for prompt ${promptName}.` }));
    } catch (err) {
      // Usually an expired interaction or a browser without the interaction cookie.
      log(`auth: interaction failed: ${err.name}: ${err.message}`);
      if (!res.headersSent) {
        sendHtml(res, 400, errorPage({ error: 'invalid_request', error_description: 'This sign-in has expired or is not valid. Start the sign-in again from the application.' }));
      }
    }
  };
}
