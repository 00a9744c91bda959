// What a new password must not be (OWASP ASVS 5.0, 6.2): one of the common or breached passwords
// shipped in common-passwords.txt (also with digits or symbols around it, or in l33t spelling),
// one character or a short pattern repeated, the user name or a password containing it, or only
// Ringscope's own words (its name, roles, "password") with digits and symbols. The length (at
// least 12 characters) is checked by the NewPassword schema and the previous password by Users,
// which holds its hash. No composition rules: a long passphrase passes.
import { readFileSync } from 'node:fs';

export type PasswordRule = 'common' | 'repeated' | 'user_name' | 'context_words' | 'previous';

export interface PasswordProblem {
  rule: PasswordRule;
  /** For a person: what is wrong with the password and what to do. */
  message: string;
}

export class PasswordPolicyError extends Error {
  constructor(readonly problem: PasswordProblem) {
    super(problem.message);
    this.name = 'PasswordPolicyError';
  }
}

const MESSAGES: Record<PasswordRule, string> = {
  common: 'it is on the list of common or breached passwords; choose a longer, less predictable one',
  repeated: 'it is one character or a short pattern repeated; choose a less predictable one',
  user_name: 'it contains the user name; choose one that does not',
  context_words:
    'it is made only of Ringscope’s own words (its name, a role, "password") with digits or symbols; choose another',
  previous: 'it is the password it would replace; choose a new one',
};

export const problem = (rule: PasswordRule): PasswordProblem => ({ rule, message: MESSAGES[rule] });

let common: Set<string> | null = null;

/** The shipped list, read once when first needed (49,233 entries, lower case). */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
  return common;
}

/** Words that name Ringscope, its roles or its use: a password made only of these is guessable. */
const CONTEXT_WORDS = [
  'ringscope',
  'rings',
  'ring',
  'scope',
  'administrator',
  'admin',
  'investigator',
  'caseofficer',
  'officer',
  'case',
  'enforcement',
  'customs',
  'fraud',
  'demo',
  'password',
  'passwort',
  'welcome',
  'secret',
  'login',
  'user',
  'root',
  'test',
];

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

/** The password as a guesser would try it: lower case, and with l33t substitutions undone. */
function spellings(password: string): string[] {
  const lower = password.toLowerCase();
  const plain = [...lower].map((c) => LEET[c] ?? c).join('');
  if (plain === lower) return [lower];
  // A 1 stands for an l as often as for an i.
  const withL = [...lower].map((c) => (c === '1' ? 'l' : (LEET[c] ?? c))).join('');
  return [lower, plain, withL];
}

/** The password without the digits and symbols around it (`Password1234!` → `password`). */
const stem = (text: string): string => text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

function isCommon(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower)) return true;
  const stemmed = stem(lower);
  if (stemmed !== '' && list.has(stemmed)) return true;
  // l33t spellings are judged by their stem only: undoing them turns digits into letters.
  return spellings(stem(password)).some((s) => s !== '' && list.has(s));
}

function isRepeated(password: string): boolean {
  return /^([\s\S]{1,6})\1+$/u.test(password) || new Set(password).size < 4;
}

function containsUserName(password: string, username: string): boolean {
  const name = username.toLowerCase();
  const compact = name.replace(/[._-]/g, '');
  const forms = [name, compact].filter((f) => f.length >= 3);
  return spellings(password).some((s) => forms.some((f) => s.includes(f)));
}

/** True when nothing but context words is left once digits, symbols and those words are removed. */
function onlyContextWords(password: string): boolean {
  return spellings(password).some((s) => {
    let letters = s.replace(/[^\p{L}]/gu, '');
    if (letters === '') return false;
    for (const word of CONTEXT_WORDS) letters = letters.replaceAll(word, '');
    return letters === '';
  });
}

/** The first rule the password breaks, or null when it may be used (the previous password aside). */
export function passwordProblem(password: string, context: { username: string }): PasswordProblem | null {
  if (isRepeated(password)) return problem('repeated');
  if (containsUserName(password, context.username)) return problem('user_name');
  if (isCommon(password)) return problem('common');
  if (onlyContextWords(password)) return problem('context_words');
  return null;
}

/** Throws PasswordPolicyError naming the rule the password breaks. */
export function checkPassword(password: string, context: { username: string }): void {
  const found = passwordProblem(password, context);
  if (found) throw new PasswordPolicyError(found);
}
