/** Placeholder until the chat module lands (issue #3). */
export interface MessageModel {
  id: string;
}
