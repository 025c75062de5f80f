/** The pages of the member portal, by path. Links to them are plain `<a href>`. */
export const routes = {
  '/': 'home',
  '/daftar': 'register',
  '/verifikasi-email': 'verifyEmail',
  '/lupa-password': 'forgotPassword',
  '/lupa-akun': 'forgotAccount',
  '/reset-password': 'resetPassword',
  '/bukan-saya': 'notMe',
  '/akun/keamanan': 'security',
  '/akun/riwayat-akses': 'accessHistory',
  '/akun/akun-ganda': 'duplicateAccounts',
  '/akun/saldo-jht': 'balance',
  '/akun/klaim-jht': 'claim',
  '/akun/notifikasi': 'notices',
  '/akun/data-saya': 'myData',
} as const;

export type RouteName = (typeof routes)[keyof typeof routes] | 'notFound';

/** The page for a path; a trailing slash does not matter. */
export function routeOf(pathname: string): RouteName {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return Object.hasOwn(routes, path) ? routes[path as keyof typeof routes] : 'notFound';
}

/** Whether a click should open the link the browser's own way (new tab, download, other site). */
function isForBrowser(event: MouseEvent, anchor: HTMLAnchorElement): boolean {
  return (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    anchor.target !== '' ||
    anchor.hasAttribute('download') ||
    anchor.origin !== location.origin ||
    routeOf(anchor.pathname) === 'notFound'
  );
}

/** The current address, kept in step with history.pushState and the back button. */
export class Router {
  pathname = $state('/');
  search = $state('');
  /** What the previous page left in history.state, e.g. the email just registered. */
  state = $state<unknown>(null);

  readonly route: RouteName = $derived(routeOf(this.pathname));
  readonly query: URLSearchParams = $derived(new URLSearchParams(this.search));

  constructor() {
    if (typeof location !== 'undefined') this.#sync();
  }

  navigate(href: string, state: unknown = null): void {
    history.pushState(state, '', href);
    this.#sync();
    window.scrollTo(0, 0);
  }

  /** Changes the address without a new history entry, e.g. to drop a used token. */
  replace(href: string, state: unknown = this.state): void {
    history.replaceState(state, '', href);
    this.#sync();
  }

  /** Follows the back button and handles clicks on links to portal pages; returns the clean-up. */
  start(): () => void {
    const onPopState = () => this.#sync();
    const onClick = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement) || isForBrowser(event, anchor)) return;
      event.preventDefault();
      this.navigate(anchor.pathname + anchor.search);
    };
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick);
    };
  }

  #sync(): void {
    this.pathname = location.pathname;
    this.search = location.search;
    this.state = history.state;
  }
}

export const router = new Router();
