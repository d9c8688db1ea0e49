import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
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
        <h1>{t('app.title')}</h1>
      </header>
      <p data-testid="worker-status" data-state={worker}>
        {worker === 'ready' ? t('app.workerReady') : worker === 'waiting' ? t('app.workerStarting') : t('app.workerUnavailable')}
      </p>
    </main>
  );
}
