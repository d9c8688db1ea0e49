// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StepUpNotice } from '@/components/popup/StepUpNotice';
import { mount, type Rendered } from '../fixtures/popup/dom';
import { english, useEnglish } from '../fixtures/popup/english';

let view: Rendered | undefined;
beforeAll(() => useEnglish());
afterEach(() => {
  view?.unmount();
  view = undefined;
});

describe('step-up notice', () => {
  it('tells the employee, as a labelled note, that the policy wants a second factor off the network and what to do instead', async () => {
    view = await mount(<StepUpNotice stepUp={{ always: false, offNetwork: true, untrustedGeographies: false }} sourceName="G Suite" />);
    const note = view.byRole('note', { name: english('stepUp.title') });
    expect(note.textContent).toContain(english('stepUp.offNetwork', ['G Suite']));
    expect(note.textContent).toContain(english('stepUp.noApi'));
    expect(note.textContent).toContain(english('stepUp.alternative'));
    expect(note.textContent).not.toContain(english('stepUp.always', ['G Suite']));
  });

  it('says a factor is needed for every change when the policy always requires it', async () => {
    view = await mount(<StepUpNotice stepUp={{ always: true, offNetwork: false, untrustedGeographies: false }} sourceName="Workday" />);
    expect(view.byTestId('step-up').textContent).toContain(english('stepUp.always', ['Workday']));
  });
});
