// Answers the one message the benchmark sends; nothing else runs here.
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type === 'ping') sendResponse({ ok: true, value: { pong: true } });
});
