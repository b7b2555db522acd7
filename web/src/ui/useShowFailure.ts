import { notifications } from '@mantine/notifications';
import { isHandledGlobally, useErrorMessage } from '../i18n/errors.ts';

/** Shows a failed change as a notification, unless handled globally. */
export function useShowFailure() {
  const errorMessage = useErrorMessage();
  return (error: unknown) => {
    if (!isHandledGlobally(error)) notifications.show({ color: 'red', message: errorMessage(error) });
  };
}
