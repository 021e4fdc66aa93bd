// npm run office:admin -- someone@city.example
// Gives the city its first administrator (or one more): creates the person, or makes an
// existing person an administrator. Running it again changes nothing. Run it with the same
// DATABASE_PATH (and PUBLIC_URL) as the server; the server need not be stopped.
import { loadEnv } from '../app/server/env.server';
import { makeAdministratorFromCommandLine } from '../app/domain/people/administrators.server';
import { DomainError } from '../app/domain/errors';
import { migrateToLatest, openDatabase } from '../db/connection';

const email = process.argv.slice(2).find((a) => a !== '--');
if (!email) {
  console.error('Usage: npm run office:admin -- someone@city.example');
  process.exit(2);
}

const env = loadEnv();
const { db, path } = openDatabase(env.DATABASE_PATH);
try {
  await migrateToLatest(db);
  const made = await makeAdministratorFromCommandLine(db, email);
  const what = {
    created: `${made.email} is now an administrator (new person) in ${path}.`,
    promoted: `${made.email} already had an account and is now an administrator in ${path}.`,
    unchanged: `${made.email} is already an administrator in ${path}; nothing changed.`,
  }[made.outcome];
  console.log(what);
  console.log('');
  console.log('What happens next:');
  console.log(`  1. Open ${env.PUBLIC_URL}/login and ask for a sign-in link for ${made.email}.`);
  console.log(env.SMTP_URL ? '     The link arrives by email.' : `     Without SMTP_URL the link is printed in the server's log and written under ${env.MAIL_DIR}/.`);
  console.log('  2. Set up the second factor: scan the key with an authenticator app and type in its code.');
  console.log(`  3. In the office (${env.PUBLIC_URL}/office) create the first series and its edition.`);
} catch (error) {
  if (error instanceof DomainError && error.messageKey === 'setup:errors.adminEmail') {
    console.error(`"${email}" is not an email address. Usage: npm run office:admin -- someone@city.example`);
    process.exitCode = 2;
  } else if (error instanceof DomainError && error.messageKey === 'setup:errors.adminErased') {
    console.error(`The data of ${email} was erased; that address cannot be made an administrator again. Use another address.`);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await db.destroy();
}
