import { QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from '../../shared/errors'

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session that ended (expired, signed out elsewhere) shows up as a 401 on any query;
    // asking /me again lets RequireAuth send the user to the sign-in page.
    onError: (error, query) => {
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== 'me')
        void queryClient.invalidateQueries({ queryKey: ['me'] })
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx answer will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
})
