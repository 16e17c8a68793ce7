/** Placeholder until the chat module lands (issue #3). */
export interface RoomModel {
  id: string;
}
export interface RoomMemberModel {
  userId: string;
}
