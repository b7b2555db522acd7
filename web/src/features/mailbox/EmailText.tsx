import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';

const url = /(https?:\/\/\S+)/;

/**
 * An email's plain text as it was sent, with the portal's own links followable in this tab. Only
 * links to this origin become links: the text carries names people typed (an account's, a
 * partner's), which must not turn into somewhere else to click.
 */
export function EmailText({ text }: { text: string }) {
  const origin = window.location.origin;
  let offset = 0;
  const pieces = text.split(url).map((part) => {
    const at = offset;
    offset += part.length;
    return { part, at };
  });
  return (
    <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {pieces.map(({ part, at }) =>
        part.startsWith(`${origin}/`) ? (
          <Anchor key={at} component={Link} to={part.slice(origin.length)}>
            {part}
          </Anchor>
        ) : (
          part
        ),
      )}
    </Text>
  );
}
