import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled fact of a document (a date, a number) in a `<dl>` grid. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}
