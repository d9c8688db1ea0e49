// The events entrypoints/background/listeners.ts and settings.ts listen to (test/unit/bench-listener-floor.test.ts
// keeps the lists equal), registered at start as Rekey's worker must; only the benchmark's ping is answered.
const nothing = () => undefined;
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type === 'ping') sendResponse({ ok: true, value: { pong: true } });
});
chrome.alarms.onAlarm.addListener(nothing);
chrome.permissions.onAdded.addListener(nothing);
chrome.permissions.onRemoved.addListener(nothing);
chrome.runtime.onConnect.addListener(nothing);
chrome.storage.onChanged.addListener(nothing);
chrome.notifications.onClicked.addListener(nothing);
chrome.notifications.onButtonClicked.addListener(nothing);
