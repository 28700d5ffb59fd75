// The sign-in page shown during U2M. Deliberately plain and self-contained
// (no external fonts, scripts or images: the test machines have no internet)
// with stable selectors that browser-login.mjs relies on:
//   form#login, input[name=username], input[name=password], button[type=submit],
//   [data-login-error] (present only after a failed attempt).
const escapeHtml = (s) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const STYLE = `body{font-family:sans-serif;background:#f4f4f4;margin:0}
main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:6px;box-shadow:0 1px 4px #0003}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;box-sizing:border-box;padding:.5rem}
button{margin-top:1.2rem;width:100%;padding:.6rem;background:#1b3139;color:#fff;border:0;border-radius:4px}
.error{color:#b00020}.hint{color:#666;font-size:.85rem}`;

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function loginPage({ action, clientId, username = '', error = '' }) {
  return page('Sign in - local warehouse', `<h1>Sign in</h1>
<p class="hint">Local Databricks SQL warehouse. Application <b>${escapeHtml(clientId)}</b> asks to act for you.</p>
${error ? `<p class="error" role="alert" data-login-error>${escapeHtml(error)}</p>` : ''}
<form id="login" method="post" action="${escapeHtml(action)}" autocomplete="off">
<label for="username">User name</label>
<input id="username" name="username" type="text" required autofocus value="${escapeHtml(username)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" required>
<button type="submit">Sign in</button>
</form>`);
}

// Replaces oidc-provider's error page: same facts, no external resources.
export function errorPage({ error, error_description }) {
  return page('Sign-in error', `<h1>Sign-in error</h1>
<p class="error" role="alert" data-oauth-error="${escapeHtml(error)}">${escapeHtml(error)}</p>
<p>${escapeHtml(error_description)}</p>`);
}
