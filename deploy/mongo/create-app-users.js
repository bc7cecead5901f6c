// Runs once, on the first start of the hardened MongoDB (docker-entrypoint-initdb.d, as root):
// one user per service, allowed to read and write only its own database. Passwords come from the
// compose secrets written by deploy/tls/generate.sh.
const fs = require('fs');
const users = [
  ['peerpulse-sessions', 'sessions-app', 'session-mongo-password'],
  ['peerpulse-feedback', 'feedback-app', 'feedback-mongo-password'],
  ['peerpulse-metrics', 'metrics-app', 'metrics-mongo-password'],
];
for (const [database, user, secret] of users) {
  const pwd = fs.readFileSync('/run/secrets/' + secret, 'utf8').trim();
  db.getSiblingDB(database).createUser({ user: user, pwd: pwd, roles: [{ role: 'readWrite', db: database }] });
}
