import type { Locator, Page } from 'playwright-core';
import type { TestApp } from '../../../server/test/helpers/app.ts';
import { SEND as SEND_FRIEND_REQUEST } from '../../../server/test/helpers/contacts.ts';
import type { TestUser } from '../../../server/test/helpers/users.ts';

/** Makes two people contacts: a request each way (the second one completes the friendship). */
export async function makeContacts(t: TestApp, a: TestUser, b: TestUser): Promise<void> {
  await t.ok(SEND_FRIEND_REQUEST, { id: b.id }, a.accessToken);
  const r = await t.ok(SEND_FRIEND_REQUEST, { id: a.id }, b.accessToken);
  if (r.sendFriendRequest.user.contactStatus !== 'CONTACT') throw new Error('friendship not completed');
}

/** The conversation's message log. */
export const messageLog = (page: Page) => page.getByRole('list', { name: 'Messages' });

/** One message (or pending message) in the log, by its text. */
export const messageItem = (page: Page, text: string | RegExp) =>
  messageLog(page).getByRole('listitem').filter({ hasText: text });

/** The message whose whole text is exactly `body`. */
export const messageWithBody = (page: Page, body: string) =>
  messageLog(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.message-body', { hasText: new RegExp(`^${body}$`) }) });

/** The sidebar's room list. */
export const roomList = (page: Page) => page.getByRole('list', { name: 'Your conversations' });

/** A room's link in the sidebar, by title. */
export const roomLink = (page: Page, title: string | RegExp) =>
  roomList(page).getByRole('link', { name: title });

/** Types into the composer and presses Enter. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message', exact: true });
  await box.fill(text);
  await box.press('Enter');
}

/** Opens the edit box of `message` (one of the viewer's own, in the log): hovers it, clicks Edit; returns the box. */
export async function openEdit(page: Page, message: Locator): Promise<Locator> {
  await message.hover();
  await message.getByRole('button', { name: 'Edit' }).click();
  return page.getByRole('textbox', { name: 'Edit message' });
}

/** The viewer's message with `text`, once the server has it (no longer pending). */
export async function sentItem(page: Page, text: string): Promise<Locator> {
  const item = messageItem(page, text);
  await item.and(page.locator('[data-status="sent"]')).waitFor();
  return item;
}
