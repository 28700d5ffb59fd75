// --tls: a private CA and a server certificate for 127.0.0.1/localhost, made
// with the openssl CLI into <data dir>/tls and reused while still valid.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export function ensureTls(dataDir) {
  const dir = path.join(dataDir, 'tls');
  const f = (name) => path.join(dir, name);
  if (!valid(f('ca.pem')) || !valid(f('server.pem'))) {
    fs.mkdirSync(dir, { recursive: true });
    const ssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('ca-key.pem'), '-out', f('ca.pem'), '-days', '825',
      '-subj', '/CN=dbsql-odbc local warehouse CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('server-key.pem'), '-out', f('server.csr'), '-subj', '/CN=127.0.0.1');
    fs.writeFileSync(f('server.ext'), 'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n');
    ssl('x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca-key.pem'), '-CAcreateserial',
      '-out', f('server.pem'), '-days', '825', '-extfile', f('server.ext'));
    for (const name of ['ca-key.pem', 'server-key.pem']) fs.chmodSync(f(name), 0o600);
  }
  return { caFile: f('ca.pem'), cert: fs.readFileSync(f('server.pem')), key: fs.readFileSync(f('server-key.pem')) };
}

// Valid for at least another day?
function valid(file) {
  try {
    execFileSync('openssl', ['x509', '-checkend', '86400', '-noout', '-in', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
