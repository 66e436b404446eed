// Opens GraphiQL in headless Chromium (the system's, never downloaded), runs a query, prints what it shows.
// Usage: node graphiql.mjs http://host/graphql '<query>'
import { chromium } from 'playwright-core';

const [url, query] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
});
try {
  const page = await browser.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(String(error)));
  await page.goto(url);
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20000 });
  await page.evaluate((text) => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(text), query);
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(() => (document.querySelector('.result-window')?.textContent ?? '').includes('"data"'), null, { timeout: 20000 });
  const result = await page.evaluate(() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue());
  console.log(JSON.stringify({ result, failures }));
} finally {
  await browser.close();
}
