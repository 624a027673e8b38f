// The page checks of test/helpers/browser.ts that need no browser: proof
// that they catch what they claim to, so a green journey means something.
import t from 'tap'
import { headingProblems } from '../helpers/browser.js'

t.test('the heading check wants one h1 first and no skipped level', async (t) => {
  t.same(headingProblems([{ level: 1, text: 'Dashboard' }, { level: 2, text: 'Contracts' }, { level: 3, text: 'Roles' }, { level: 2, text: 'Help' }]), [],
    'h1, h2, h3, back to h2: in order')
  t.same(headingProblems([]), ['the page has no heading'])
  t.match(headingProblems([{ level: 2, text: 'There is a problem' }, { level: 1, text: 'Log in' }]), [/first heading is h2/])
  t.match(headingProblems([{ level: 1, text: 'A' }, { level: 1, text: 'B' }]), [/2 h1 headings/])
  t.match(headingProblems([{ level: 1, text: 'A' }, { level: 3, text: 'C' }]), [/h2 skipped/])
})

