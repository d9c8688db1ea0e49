import { browser } from 'wxt/browser';
import { createMessenger } from './client';

export const sendMessage = createMessenger((message) => browser.runtime.sendMessage(message));
