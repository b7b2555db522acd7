import type { ProductKind } from '../../contract/catalog.ts';
import { Currency } from '../../contract/money.ts';
import type { Queryable } from '../db/client.ts';
import { putProduct } from '../modules/catalog/catalog.service.ts';

interface CatalogEntry {
  code: string;
  name: string;
  kind: ProductKind;
  description: string;
  descriptionPtBr: string;
  requiresServiceDomain?: boolean;
  /** Yearly list price of one seat (one user for cloud products), in major units. */
  prices: Record<Currency, number>;
}

/** A catalog modelled on a developer-tools vendor (SPEC §11a): one pack, a dozen IDEs, tools, cloud. */
export const demoCatalog: CatalogEntry[] = [
  {
    code: 'ALL',
    name: 'All Products Pack',
    kind: 'pack',
    description: 'Every desktop IDE and tool in one subscription.',
    descriptionPtBr: 'Todas as IDEs e ferramentas de desktop em uma única assinatura.',
    prices: { USD: 779, EUR: 779, BRL: 4290 },
  },
  {
    code: 'II',
    name: 'IntelliJ IDEA Ultimate',
    kind: 'ide',
    description: 'The IDE for Java and Kotlin, with web and database tools.',
    descriptionPtBr: 'A IDE para Java e Kotlin, com ferramentas para web e bancos de dados.',
    prices: { USD: 599, EUR: 599, BRL: 3290 },
  },
  {
    code: 'PY',
    name: 'PyCharm Professional',
    kind: 'ide',
    description: 'The Python IDE for data science and web development.',
    descriptionPtBr: 'A IDE de Python para ciência de dados e desenvolvimento web.',
    prices: { USD: 249, EUR: 249, BRL: 1370 },
  },
  {
    code: 'WS',
    name: 'WebStorm',
    kind: 'ide',
    description: 'The JavaScript and TypeScript IDE.',
    descriptionPtBr: 'A IDE para JavaScript e TypeScript.',
    prices: { USD: 159, EUR: 159, BRL: 875 },
  },
  {
    code: 'GO',
    name: 'GoLand',
    kind: 'ide',
    description: 'The IDE for Go.',
    descriptionPtBr: 'A IDE para Go.',
    prices: { USD: 249, EUR: 249, BRL: 1370 },
  },
  {
    code: 'RD',
    name: 'Rider',
    kind: 'ide',
    description: 'The cross-platform .NET and game development IDE.',
    descriptionPtBr: 'A IDE multiplataforma para .NET e desenvolvimento de jogos.',
    prices: { USD: 419, EUR: 419, BRL: 2305 },
  },
  {
    code: 'PS',
    name: 'PhpStorm',
    kind: 'ide',
    description: 'The PHP IDE.',
    descriptionPtBr: 'A IDE para PHP.',
    prices: { USD: 249, EUR: 249, BRL: 1370 },
  },
  {
    code: 'CL',
    name: 'CLion',
    kind: 'ide',
    description: 'The C and C++ IDE.',
    descriptionPtBr: 'A IDE para C e C++.',
    prices: { USD: 229, EUR: 229, BRL: 1260 },
  },
  {
    code: 'RM',
    name: 'RubyMine',
    kind: 'ide',
    description: 'The Ruby and Rails IDE.',
    descriptionPtBr: 'A IDE para Ruby e Rails.',
    prices: { USD: 249, EUR: 249, BRL: 1370 },
  },
  {
    code: 'DG',
    name: 'DataGrip',
    kind: 'ide',
    description: 'The IDE for databases and SQL.',
    descriptionPtBr: 'A IDE para bancos de dados e SQL.',
    prices: { USD: 229, EUR: 229, BRL: 1260 },
  },
  {
    code: 'RR',
    name: 'RustRover',
    kind: 'ide',
    description: 'The IDE for Rust.',
    descriptionPtBr: 'A IDE para Rust.',
    prices: { USD: 249, EUR: 249, BRL: 1370 },
  },
  {
    code: 'DS',
    name: 'DataSpell',
    kind: 'ide',
    description: 'The IDE for data analysis with notebooks.',
    descriptionPtBr: 'A IDE para análise de dados com notebooks.',
    prices: { USD: 229, EUR: 229, BRL: 1260 },
  },
  {
    code: 'AQ',
    name: 'Aqua',
    kind: 'ide',
    description: 'The IDE for test automation.',
    descriptionPtBr: 'A IDE para automação de testes.',
    prices: { USD: 249, EUR: 249, BRL: 1370 },
  },
  {
    code: 'RS',
    name: 'ReSharper',
    kind: 'tool',
    description: 'The Visual Studio extension for .NET developers.',
    descriptionPtBr: 'A extensão do Visual Studio para desenvolvedores .NET.',
    prices: { USD: 399, EUR: 399, BRL: 2195 },
  },
  {
    code: 'DPN',
    name: 'dotUltimate',
    kind: 'tool',
    description: 'ReSharper, Rider and the .NET profilers together.',
    descriptionPtBr: 'ReSharper, Rider e os profilers de .NET juntos.',
    prices: { USD: 469, EUR: 469, BRL: 2580 },
  },
  {
    code: 'YTC',
    name: 'YouTrack Cloud',
    kind: 'cloud',
    description: 'Issue tracker and project management, per user, hosted for the customer.',
    descriptionPtBr: 'Rastreador de tarefas e gestão de projetos, por usuário, hospedado para o cliente.',
    requiresServiceDomain: true,
    prices: { USD: 60, EUR: 60, BRL: 330 },
  },
  {
    code: 'TCC',
    name: 'TeamCity Cloud',
    kind: 'cloud',
    description: 'Hosted continuous integration, per committer.',
    descriptionPtBr: 'Integração contínua hospedada, por committer.',
    requiresServiceDomain: true,
    prices: { USD: 180, EUR: 180, BRL: 990 },
  },
  {
    code: 'QDC',
    name: 'Qodana Cloud',
    kind: 'cloud',
    description: 'Hosted static analysis, per contributor.',
    descriptionPtBr: 'Análise estática hospedada, por contribuidor.',
    requiresServiceDomain: true,
    prices: { USD: 72, EUR: 72, BRL: 396 },
  },
];

/** Loads (or refreshes) the demo catalog; idempotent. */
export async function loadDemoCatalog(db: Queryable): Promise<void> {
  for (const [index, entry] of demoCatalog.entries()) {
    await putProduct(db, {
      code: entry.code,
      name: entry.name,
      kind: entry.kind,
      description: entry.description,
      requiresServiceDomain: entry.requiresServiceDomain ?? false,
      sortOrder: index,
      translations: [{ locale: 'pt-BR', description: entry.descriptionPtBr }],
      prices: Currency.options.map((currency) => ({
        currency,
        yearlyListMinor: entry.prices[currency] * 100,
      })),
    });
  }
}
