import type { Language } from '../language.ts';
import { formatZurichDay } from '../../connectors/swiss-time.ts';

export interface DigestTexts {
  subject(newCount: number, assignedCount: number): string;
  greeting(name: string): string;
  newHeading: string;
  assignedHeading: string;
  internal: string;
  caseNumber: string;
  due: string;
  assignedBy: string;
  closing: string;
  formatDate(date: Date): string;
}

const swissDate = (language: string) => (date: Date) => formatZurichDay(date, language, 'numeric');

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

// Staff read German; the other languages are there for the municipalities that work in them.
export const DIGEST_TEXTS: Record<Language, DigestTexts> = {
  de: {
    subject: (n, a) => `Gemeindeportal: ${[n ? plural(n, 'neue Aufgabe', 'neue Aufgaben') : '', a ? `${plural(a, 'Aufgabe', 'Aufgaben')} Ihnen zugewiesen` : ''].filter(Boolean).join(', ')}`,
    greeting: (name) => `Guten Tag ${name}`,
    newHeading: 'Neu für Ihre Gruppen',
    assignedHeading: 'Ihnen zugewiesen',
    internal: 'Interne Aufgabe',
    caseNumber: 'Vorgang',
    due: 'fällig am',
    assignedBy: 'von',
    closing: 'Diese Übersicht nennt jede Aufgabe nur einmal. Angaben zu Personen stehen nur in der Aufgabenliste.',
    formatDate: swissDate('de'),
  },
  fr: {
    subject: (n, a) => `Portail communal : ${[n ? plural(n, 'nouvelle tâche', 'nouvelles tâches') : '', a ? `${plural(a, 'tâche attribuée', 'tâches attribuées')} à vous` : ''].filter(Boolean).join(', ')}`,
    greeting: (name) => `Bonjour ${name}`,
    newHeading: 'Nouveau pour vos groupes',
    assignedHeading: 'Attribuées à vous',
    internal: 'Tâche interne',
    caseNumber: 'Dossier',
    due: 'échéance le',
    assignedBy: 'par',
    closing: 'Cet aperçu nomme chaque tâche une seule fois. Les données personnelles figurent uniquement dans la liste des tâches.',
    formatDate: swissDate('fr'),
  },
  it: {
    subject: (n, a) => `Portale comunale: ${[n ? plural(n, 'nuovo compito', 'nuovi compiti') : '', a ? `${plural(a, 'compito assegnato', 'compiti assegnati')} a lei` : ''].filter(Boolean).join(', ')}`,
    greeting: (name) => `Buongiorno ${name}`,
    newHeading: 'Nuovo per i suoi gruppi',
    assignedHeading: 'Assegnati a lei',
    internal: 'Compito interno',
    caseNumber: 'Pratica',
    due: 'scadenza il',
    assignedBy: 'da',
    closing: 'Questo riepilogo nomina ogni compito una sola volta. I dati personali figurano solo nella lista dei compiti.',
    formatDate: swissDate('it'),
  },
  en: {
    subject: (n, a) => `Municipal portal: ${[n ? plural(n, 'new task', 'new tasks') : '', a ? `${plural(a, 'task', 'tasks')} assigned to you` : ''].filter(Boolean).join(', ')}`,
    greeting: (name) => `Hello ${name}`,
    newHeading: 'New for your groups',
    assignedHeading: 'Assigned to you',
    internal: 'Internal task',
    caseNumber: 'Case',
    due: 'due',
    assignedBy: 'by',
    closing: 'This overview names each task once. Personal data is shown only in the tasklist.',
    formatDate: swissDate('en'),
  },
};
