import { Link } from 'react-router-dom';
import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { EmptyPanel } from '../components/EmptyPanel';

export function NotFoundPage() {
  return (
    <EmptyPanel
      icon={IconMapOff}
      title="Page not found"
      description="This address does not match any page of openabm."
      actions={
        <Button component={Link} to="/segments" variant="light">
          Go to Segments
        </Button>
      }
    />
  );
}
