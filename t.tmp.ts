import { JSDOM } from 'jsdom';
const doc = new JSDOM('<!DOCTYPE html><body></body>').window.document;
let t = performance.now();
let current: Element = doc.body;
for (let d = 0; d < 20000; d++) { const el = doc.createElement(d % 2 ? 'div' : 'section'); current.appendChild(el); current = el; }
current.textContent = 'x';
console.log('top-down', performance.now() - t);
t = performance.now();
const d2 = new JSDOM('<!DOCTYPE html><body>' + '<div>'.repeat(20000) + 'x</body>').window.document;
console.log('parse', performance.now() - t);
