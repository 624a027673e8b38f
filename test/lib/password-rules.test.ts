import t from 'tap'
import { checkNewPassword, passwordStrength, PASSWORD_SPECIALS } from '../../src/lib/password-rules.js'

const keys = (password: string, login = 'jdupont.acme') => checkNewPassword(password, login).map((p) => p.key)

t.test('7 characters are refused, 8 are accepted as medium', async (t) => {
  t.same(keys('Abcde1#'), ['password.rule.too_short'])
  t.same(keys('Abcdef1#'), [])
  t.equal(passwordStrength('Abcdef1#'), 'medium')
})

t.test('9 characters are medium, 10 are strong', async (t) => {
  t.equal(passwordStrength('Abcdefg1#'), 'medium')
  t.equal(passwordStrength('Abcdefgh1#'), 'strong')
})

t.test('each kind of character is required: lower, upper, digit, special', async (t) => {
  t.same(keys('ABCDEFG1#'), ['password.rule.lower'])
  t.same(keys('abcdefg1#'), ['password.rule.upper'])
  t.same(keys('Abcdefgh#'), ['password.rule.digit'])
  t.same(keys('Abcdefgh1'), ['password.rule.special'])
})

t.test('every allowed special character counts as the special one', async (t) => {
  t.equal(PASSWORD_SPECIALS, '#!.@_-/')
  for (const special of PASSWORD_SPECIALS) t.same(keys(`Abcdefg1${special}`), [], special)
})

t.test('any other character is refused, and the message names it', async (t) => {
  for (const refused of ['$', 'µ', 'é', ' ', '%', '€', '😀', '\u0000']) {
    const problems = checkNewPassword(`Abcdefg1#${refused}`, 'jdupont.acme')
    t.equal(problems[0]?.key, 'password.rule.not_allowed', JSON.stringify(refused))
    const named = refused === ' ' ? '␣' : refused === '\u0000' ? 'U+0000' : refused
    t.equal(problems[0]?.params?.chars, named, 'a space or a control character is named, never written raw')
  }
  t.same(checkNewPassword('Ab$cd$1#µ', 'x.login').find((p) => p.key === 'password.rule.not_allowed')?.params, { chars: '$ µ' }, 'each refused character once')
})

t.test('a password equal to or containing the login is refused, whatever the case', async (t) => {
  t.same(keys('Jdupont.acme1#', 'jdupont.acme'), ['password.rule.login'])
  t.same(keys('xxJDUPONT.ACMExx1#a', 'jdupont.acme'), ['password.rule.login'])
})

t.test('an empty password lists everything missing', async (t) => {
  t.same(keys(''), ['password.rule.too_short', 'password.rule.lower', 'password.rule.upper', 'password.rule.digit', 'password.rule.special'])
})
