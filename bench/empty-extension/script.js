// The floor for any extension page whose screen comes from script: one packaged module that adds the screen, nothing else.
const screen = document.createElement('div');
screen.dataset.screen = 'script';
screen.append(Object.assign(document.createElement('h1'), { textContent: 'Baseline' }));
document.body.append(screen);
