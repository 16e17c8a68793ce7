import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthLayout } from './features/auth/AuthLayout.tsx';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage.tsx';
import { PublicOnly, RequireAuth } from './features/auth/guards.tsx';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { SignUpPage } from './features/auth/SignUpPage.tsx';
import { ContactsPage } from './features/contacts/ContactsPage.tsx';
import { ConversationPage } from './features/conversation/ConversationPage.tsx';
import { MeetingPage } from './features/meetings/MeetingPage.tsx';
import { MeetingRequestPage } from './features/meetings/MeetingRequestPage.tsx';
import { MeetingsPage } from './features/meetings/MeetingsPage.tsx';
import { NotificationsPage } from './features/notifications/NotificationsPage.tsx';
import { GroupSettingsPage } from './features/rooms/GroupSettingsPage.tsx';
import { NewChatPage } from './features/rooms/NewChatPage.tsx';
import { RoomsIndexPage } from './features/rooms/RoomsIndexPage.tsx';
import { SettingsPage } from './features/settings/SettingsPage.tsx';
import { NotFoundPage } from './features/shell/placeholders.tsx';
import { Shell } from './features/shell/Shell.tsx';

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<AuthLayout />}>
          <Route element={<PublicOnly />}>
            <Route path="/signin" element={<SignInPage />} />
            <Route path="/signup" element={<SignUpPage />} />
          </Route>
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route element={<Shell />}>
            <Route path="/" element={<Navigate to="/rooms" replace />} />
            <Route path="/rooms" element={<RoomsIndexPage />} />
            <Route path="/rooms/new" element={<NewChatPage />} />
            <Route path="/rooms/:id" element={<ConversationPage />} />
            <Route path="/rooms/:id/settings" element={<GroupSettingsPage />} />
            <Route path="/contacts" element={<ContactsPage />} />
            <Route path="/meetings" element={<MeetingsPage />} />
            <Route path="/meetings/new" element={<MeetingRequestPage />} />
            <Route path="/meetings/:id" element={<MeetingPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
