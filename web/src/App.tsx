// The workbench shell: navigation, language switch, hash routes (#/read, #/search, #/actor/KEY,
// #/network, #/dyad, #/doc/ID), and the reference data (codebook, countries) every view shares.
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { I18nContext, DICTS, initialLang, type UiLang, type Key } from './i18n';
import { api, type CodeRow, type CountryRow } from './api';
import { ReadView } from './views/Read';
import { SearchView } from './views/Search';
import { ActorView } from './views/Actor';
import { NetworkView } from './views/Network';
import { DyadView } from './views/Dyad';
import { DocumentView } from './views/Document';

export interface Route {
  path: string[];
  params: URLSearchParams;
}

function parseHash(): Route {
  const h = location.hash.replace(/^#\/?/, '');
  const [p, q] = h.split('?');
  return { path: p ? p.split('/').map(decodeURIComponent) : [], params: new URLSearchParams(q ?? '') };
}

export function go(path: string, params?: Record<string, string | undefined>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v) q.set(k, v);
  const s = q.toString();
  location.hash = `#/${path}${s ? `?${s}` : ''}`;
}

export function href(path: string, params?: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v) q.set(k, v);
  const s = q.toString();
  return `#/${path}${s ? `?${s}` : ''}`;
}

export interface Reference {
  codes: Map<string, CodeRow>;
  countries: Map<string, CountryRow>;
  codeLabel(code: string): string;
  countryName(iso3: string | null): string;
}

const RefContext = createContext<Reference>({ codes: new Map(), countries: new Map(), codeLabel: (c) => c, countryName: (c) => c ?? '' });
export const useReference = () => useContext(RefContext);

const VIEWS: { path: string; key: Key }[] = [
  { path: 'read', key: 'nav.read' },
  { path: 'search', key: 'nav.search' },
  { path: 'actor', key: 'nav.actor' },
  { path: 'network', key: 'nav.network' },
  { path: 'dyad', key: 'nav.dyad' },
];

export function App() {
  const [lang, setLangState] = useState<UiLang>(initialLang);
  const [route, setRoute] = useState<Route>(parseHash);
  const [codes, setCodes] = useState<CodeRow[]>([]);
  const [countries, setCountries] = useState<CountryRow[]>([]);

  useEffect(() => {
    const on = () => setRoute(parseHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    api
      .codebook()
      .then(setCodes)
      .catch(() => undefined);
    api
      .countries()
      .then(setCountries)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const i18n = useMemo(
    () => ({
      lang,
      t: (k: Key) => DICTS[lang][k] ?? k,
      setLang: (l: UiLang) => {
        setLangState(l);
        try {
          localStorage.setItem('readout.lang', l);
        } catch {
          /* ignore */
        }
      },
    }),
    [lang],
  );

  const ref = useMemo<Reference>(() => {
    const cm = new Map(codes.map((c) => [c.code, c]));
    const cn = new Map(countries.map((c) => [c.iso3, c]));
    return {
      codes: cm,
      countries: cn,
      codeLabel: (code) => {
        const c = cm.get(code) ?? cm.get(code.slice(0, 3)) ?? cm.get(code.slice(0, 2));
        return c ? (lang === 'fr' ? c.labelFr : c.label) : code;
      },
      countryName: (iso3) => {
        if (!iso3) return '';
        const c = cn.get(iso3);
        return c ? (lang === 'fr' ? c.nameFr : c.name) : iso3;
      },
    };
  }, [codes, countries, lang]);

  const view = route.path[0] || 'read';
  let body;
  if (view === 'search') body = <SearchView route={route} />;
  else if (view === 'actor') body = <ActorView route={route} />;
  else if (view === 'network') body = <NetworkView route={route} />;
  else if (view === 'dyad') body = <DyadView route={route} />;
  else if (view === 'doc') body = <DocumentView id={route.path[1] ?? ''} />;
  else body = <ReadView />;

  return (
    <I18nContext.Provider value={i18n}>
      <RefContext.Provider value={ref}>
        <header className="top">
          <div className="brand">
            <strong>readout</strong> <span className="tagline">{i18n.t('tagline')}</span>
          </div>
          <nav>
            {VIEWS.map((v) => (
              <a key={v.path} href={`#/${v.path}`} className={view === v.path ? 'active' : ''} data-testid={`nav-${v.path}`}>
                {i18n.t(v.key)}
              </a>
            ))}
          </nav>
          <button
            className="lang"
            data-testid="lang-switch"
            onClick={() => i18n.setLang(lang === 'fr' ? 'en' : 'fr')}
            title={lang === 'fr' ? 'Switch to English' : 'Passer en français'}
          >
            {i18n.t('lang.switch')}
          </button>
        </header>
        <main data-view={view}>{body}</main>
      </RefContext.Provider>
    </I18nContext.Provider>
  );
}
