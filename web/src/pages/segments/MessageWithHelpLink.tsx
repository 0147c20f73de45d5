import { Link } from 'react-router-dom';
import { Anchor } from '@mantine/core';
import { SEGMENT_CREATION_HELP_PATH } from './SegmentCreationHelpPage';

const FAQ_WORDS = 'Segment Creation FAQs';

/** A CRM message as text, its "Segment Creation FAQs" a link to openabm's help page. */
export function MessageWithHelpLink({ message }: { message: string }) {
  const at = message.indexOf(FAQ_WORDS);
  if (at < 0) return <>{message}</>;
  return (
    <>
      {message.slice(0, at)}
      <Anchor component={Link} to={SEGMENT_CREATION_HELP_PATH} fz="inherit" inherit>
        {FAQ_WORDS}
      </Anchor>
      {message.slice(at + FAQ_WORDS.length)}
    </>
  );
}
