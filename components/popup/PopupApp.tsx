import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messages/browser-messenger';

export function PopupApp() {
  const [worker, setWorker] = useState<'waiting' | 'ready' | 'unreachable'>('waiting');

  useEffect(() => {
    sendMessage({ type: 'ping' }).then(
      () => setWorker('ready'),
      () => setWorker('unreachable'),
    );
  }, []);

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Rekey</h1>
      </header>
      <p data-testid="worker-status" data-state={worker}>
        {worker === 'ready' ? 'Ready' : worker === 'waiting' ? 'Starting…' : 'Background service unavailable'}
      </p>
    </main>
  );
}
