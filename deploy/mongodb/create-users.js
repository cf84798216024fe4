// One MongoDB user per service, readWrite on its own database only, its password from the environment. Run by the
// mongo image as root on the first start of an empty data volume (docker-compose.yml), or by hand against a running
// replica set (deploy/README.md: mongosh ... --file deploy/mongodb/create-users.js): a user that exists gets its
// password and roles set again, so the same file changes a password.
const users = [
  // [user (the service), its database (minxin.mongodb.database / minxin.gateway.keys.database), password variable]
  ['gateway', 'minxin_gateway', 'MONGO_GATEWAY_PASSWORD'],
  ['metrics-service', 'minxin_metrics', 'MONGO_METRICS_PASSWORD'],
  ['ranking-service', 'minxin_ranking', 'MONGO_RANKING_PASSWORD'],
  ['notice-service', 'minxin_notice', 'MONGO_NOTICE_PASSWORD'],
];
for (const [user, database, variable] of users) {
  const pwd = process.env[variable];
  if (!pwd) {
    throw new Error(variable + ' is not set: the password of MongoDB user ' + user);
  }
  const roles = [{role: 'readWrite', db: database}];
  const target = db.getSiblingDB(database);
  if (target.getUser(user)) {
    target.updateUser(user, {pwd, roles});
    print('updated MongoDB user ' + user + ' (readWrite on ' + database + ')');
  } else {
    target.createUser({user, pwd, roles});
    print('created MongoDB user ' + user + ' (readWrite on ' + database + ')');
  }
}
