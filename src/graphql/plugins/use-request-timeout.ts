import type { Plugin } from 'graphql-yoga';
import { clientError } from '../errors.ts';

/** Answers with a TIMEOUT error when executing one operation takes longer than `ms`. */
export function useRequestTimeout(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise((resolve) => {
          timer = setTimeout(
            () =>
              resolve({
                errors: [
                  clientError('TIMEOUT', `the request took longer than ${ms} ms and was stopped`),
                ],
              }),
            ms,
          );
        });
        try {
          return (await Promise.race([executeFn(args), timeout])) as Awaited<
            ReturnType<typeof executeFn>
          >;
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
