// The review workbench page (法制审核工作台) in a real browser: playwright-core
// drives the system's chromium against `rouxing serve` on a loopback port.
//
//   ROUXING_BIN=target/debug/rouxing CHROMIUM=/usr/bin/chromium node --test workbench.test.mjs
//
// Screenshots are written to $SCREENSHOT_DIR (default: target/browser under
// the repository root).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const bin = process.env.ROUXING_BIN || join(root, "target/debug/rouxing");
const shots = process.env.SCREENSHOT_DIR || join(root, "target/browser");
let server;
let base;
let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = spawn(bin, ["serve", "--addr", "127.0.0.1:0"], { stdio: ["ignore", "ignore", "pipe"] });
  base = await new Promise((ok, fail) => {
    let err = "";
    server.stderr.on("data", (d) => {
      err += d;
      const m = err.match(/http:\/\/[0-9.:]+\//);
      if (m) ok(m[0]);
    });
    server.on("exit", (c) => fail(new Error("rouxing serve exited " + c + ": " + err)));
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill("SIGTERM");
});

async function openWithFirstViolation() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  const external = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(base)) external.push(r.url());
  });
  await page.goto(base);
  await page.waitForSelector("body[data-ready='1']");
  // 首违不罚: a first violation with slight harm, corrected in time.
  await page.selectOption("#item", "AG-XM-66");
  await page.fill("#case-id", "PJ-NY-2026-0017");
  await page.selectOption("#party-kind", "legal_person");
  await page.fill("#party-name", "某某生态养殖有限公司");
  await page.fill("#act-start", "2026-08-12");
  await page.fill("#discovered-on", "2026-08-12");
  await page.selectOption("#gravity", "general");
  await page.selectOption("#harm", "slight");
  await page.selectOption("#correction-status", "prompt");
  await page.fill("#correction-on", "2026-08-26");
  await page.fill("#as-of", "2026-09-01");
  return { page, external };
}

test("a first violation corrected in time: 不予处罚 under Art. 33 ¶1", async () => {
  const { page, external } = await openWithFirstViolation();
  await page.click("#decide");
  await page.waitForSelector("#recommended-tier");
  assert.equal(await page.textContent("#recommended-tier"), "不予处罚");
  assert.match(await page.textContent("#outcomes"), /不予处罚（应当）/);
  assert.match(await page.textContent("#reasons"), /《中华人民共和国行政处罚法》第三十三条第一款/);
  assert.match(await page.textContent("#review"), /未发现合法性问题/);
  assert.match(await page.textContent("#explanation"), /首违不罚/);
  assert.deepEqual(external, [], "the page loads nothing from elsewhere");
  await page.screenshot({ path: join(shots, "workbench-first-violation.png"), fullPage: true });
  await page.close();
});

test("an officer's fine on the same case: 机械执法, unlawful", async () => {
  const { page } = await openWithFirstViolation();
  await page.fill("#proposal", JSON.stringify({ officer: "43062610021", tier: "ordinary", fine: "5000" }));
  await page.click("#review-proposal");
  await page.waitForSelector("#verdict");
  assert.equal(await page.textContent("#verdict"), "违法，不予通过");
  const first = page.locator("#findings li").first();
  assert.equal(await first.getAttribute("data-code"), "penalty_despite_mandatory_no_penalty");
  assert.match(await first.textContent(), /机械执法/);
  assert.match(await first.textContent(), /《中华人民共和国行政处罚法》第三十三条第一款/);
  await page.screenshot({ path: join(shots, "workbench-unlawful-proposal.png"), fullPage: true });
  await page.close();
});

test("a malformed proposal is reported, not sent", async () => {
  const { page } = await openWithFirstViolation();
  await page.fill("#proposal", "{officer:");
  await page.click("#review-proposal");
  await page.waitForSelector("#proposal-result .error");
  assert.match(await page.textContent("#proposal-result"), /不是有效的 JSON/);
  await page.close();
});
