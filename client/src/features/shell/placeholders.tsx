import { PageHeading } from '../../ui/PageHeading.tsx';

function Placeholder({ title, children }: { title: string; children: string }) {
  return (
    <div className="page placeholder">
      <PageHeading title={title} />
      <p className="muted">{children}</p>
    </div>
  );
}

export function NotFoundPage() {
  return <Placeholder title="Page not found">There is nothing at this address.</Placeholder>;
}
