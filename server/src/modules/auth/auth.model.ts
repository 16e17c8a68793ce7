import type { UserModel } from '../users/users.model.ts';

export interface SessionModel {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
  current: boolean;
}

export interface AuthResult {
  sessionId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  user: UserModel;
}

/** Request facts recorded on a new session. */
export interface ClientInfo {
  userAgent?: string | undefined;
  /** Client IP (behind a proxy, per Fastify's trustProxy); keys the per-IP rate limits. */
  ip?: string | undefined;
}
