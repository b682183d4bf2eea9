// Runs npm sentiment baselines on Luister's evaluation sets; see baselines.sh.
'use strict';
const fs = require('fs');
const path = require('path');
const vader = require('vader-sentiment');
const Sentiment = require('sentiment');
const natural = require('natural');

const [dataDir, customerFile] = process.argv.slice(2);

function readTsv(file) { // RFC-4180 quoting with a tab delimiter
  const text = fs.readFileSync(file, 'utf8');
  const rows = []; let row = []; let field = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else { quoted = false; } } else { field += c; }
    } else if (c === '"' && field === '') { quoted = true; }
    else if (c === '\t') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') { field += c; }
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const header = rows.shift();
  return rows.map(r => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const unescape = s => s.replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
const label = score => score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';

const afinn = new Sentiment();
const wordTokenizer = new natural.WordTokenizer();
const dutchTokenizer = new natural.AggressiveTokenizerNl();
const naturalEn = new natural.SentimentAnalyzer('English', null, 'afinn');
const naturalNl = new natural.SentimentAnalyzer('Dutch', null, 'pattern');

const systems = {
  'vader-sentiment (compound ±0.05)': t => { const c = vader.SentimentIntensityAnalyzer.polarity_scores(t).compound; return c >= 0.05 ? 'positive' : c <= -0.05 ? 'negative' : 'neutral'; },
  'sentiment (AFINN-165)': t => label(afinn.analyze(t).score),
  'natural English (AFINN)': t => label(naturalEn.getSentiment(wordTokenizer.tokenize(t.toLowerCase())) || 0),
  'natural Dutch (Pattern)': t => label(naturalNl.getSentiment(dutchTokenizer.tokenize(t.toLowerCase())) || 0),
};

function metrics(gold, predicted) {
  const labels = ['negative', 'neutral', 'positive'];
  let right = 0; const tp = {}, g = {}, p = {};
  labels.forEach(l => { tp[l] = 0; g[l] = 0; p[l] = 0; });
  gold.forEach((y, i) => { g[y]++; p[predicted[i]]++; if (y === predicted[i]) { right++; tp[y]++; } });
  const present = labels.filter(l => g[l] > 0);
  const recall = l => tp[l] / g[l];
  const precision = l => p[l] ? tp[l] / p[l] : 0;
  const f1 = l => { const a = precision(l), b = recall(l); return a + b ? 2 * a * b / (a + b) : 0; };
  const avg = f => present.reduce((s, l) => s + f(l), 0) / present.length;
  return { n: gold.length, accuracy: right / gold.length, macroRecall: avg(recall), macroF1: avg(f1) };
}

const sets = {
  'TweetEval val (en)': readTsv(path.join(dataDir, 'tweeteval-sentiment/val.tsv')).map(r => [unescape(r.text), r.label_name]),
  'Dutch headlines, held out (nl)': readTsv(path.join(dataDir, 'ecosent-nl-news-headlines/train.tsv'))
    .filter(r => r.id.endsWith('0')).map(r => [r.headline, r.label_name]),
  'Dutch customer messages (nl)': readTsv(customerFile).map(r => [r.text, r.sentiment]),
};

console.log('| data | system | n | accuracy | macro-recall | macro-F1 |');
console.log('|---|---|---:|---:|---:|---:|');
for (const [setName, rows] of Object.entries(sets)) {
  for (const [name, classify] of Object.entries(systems)) {
    const m = metrics(rows.map(r => r[1]), rows.map(r => classify(r[0])));
    console.log(`| ${setName} | ${name} | ${m.n} | ${m.accuracy.toFixed(3)} | ${m.macroRecall.toFixed(3)} | ${m.macroF1.toFixed(3)} |`);
  }
}
