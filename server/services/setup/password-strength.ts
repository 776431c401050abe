// A password rule set in the spirit of NIST SP 800-63B: length over composition rules, and no
// password an attacker tries first (common ones, keyboard runs, the shop's own name or the
// admin's e-mail). Passwords are scrypt-hashed (secrets.ts), so a long one costs nothing more.

export const MIN_PASSWORD_CHARS = 12;
const MAX_PASSWORD_CHARS = 200;

/** The first guesses of every password list, and the runs they are made of (lower case). */
const COMMON = [
  'password', 'passw0rd', 'motdepasse', 'contraseña', 'contrasena', 'passwort', 'kennwort', 'azerty', 'qwerty', 'qwertz',
  'letmein', 'welcome', 'bienvenue', 'bienvenido', 'willkommen', 'admin', 'administrator', 'changeme', 'iloveyou', 'secret',
  'dragon', 'monkey', 'football', 'baseball', 'sunshine', 'princess', 'master', 'shadow', 'superman', 'trustno1',
  '123456', '1234567', '12345678', '123456789', '1234567890', '0123456789', 'abcdef', 'abc123', '111111', '000000',
  'qwertyuiop', 'azertyuiop', 'asdfgh', 'zxcvbn', '987654321', 'bulle', 'shop', 'boutique', 'tienda', 'laden',
];

/** What is wrong with a password, in words for the person choosing it; [] = good enough. */
export function passwordProblems(password: string, context: { email?: string; siteName?: string } = {}): string[] {
  const problems: string[] = [];
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_CHARS) problems.push(`Use at least ${MIN_PASSWORD_CHARS} characters (a few words make a long password easy to remember).`);
  if (chars.length > MAX_PASSWORD_CHARS) problems.push(`Use at most ${MAX_PASSWORD_CHARS} characters.`);
  if (new Set(chars).size < 5) problems.push('Too repetitive: use more different characters.');
  const lower = password.toLowerCase();
  // Stripped of digits and symbols: "Password2026!" is still "password".
  const core = lower.replace(/[^\p{L}]/gu, '');
  if (COMMON.some((w) => w.length >= 6 && lower.includes(w)) || COMMON.includes(core)) problems.push('Too common: it is among the first passwords attackers try.');
  const own = [context.email?.split('@')[0], ...(context.siteName?.toLowerCase().split(/[^\p{L}\p{N}]+/u) ?? [])].filter(
    (w): w is string => !!w && w.length >= 4,
  );
  if (own.some((w) => lower.includes(w.toLowerCase()))) problems.push('Do not use your e-mail or the shop name in it.');
  return problems;
}
