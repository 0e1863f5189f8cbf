// A new plan's words in German, French and Spanish (`testbed-lint init --lang`): what each section asks, the
// prompts after the front matter's keys, and the example entries. Data keyed by language beside the English ones
// in template.ts and schema-fields.ts; headings, labels and table headers come from schema-lang.ts.
import type { ByOtherLang, Lang } from './lang.js';

export type { Lang, SectionKind };
import type { SectionKind } from './schema-types.js';

/** A new plan's front matter in another language: its `lang:`, and the prompts and comments in it (writer.ts). */
export interface PlanWords {
  lang: Lang;
  prompts: Readonly<Record<string, string>>;
  above: Readonly<Record<string, readonly string[]>>;
}

/** What each section asks, as the template's prompt comment (two lines each). */
export const ASKS_BY_LANG: ByOtherLang<Readonly<Record<SectionKind, readonly string[]>>> = {
  de: {
    selection: [
      'Warum dieser Kunde? In mindestens 30 Wörtern: Ist er klein oder das Risiko gering, sind seine Abläufe neu,',
      'wer treibt die Neuerung auf Kundenseite voran?',
    ],
    iterations: [
      'Ein Eintrag je Änderung, sobald sie passiert. Die wichtigsten Erkenntnisse kommen erst nach Monaten:',
      'halten Sie auch Änderungen zweiter und dritter Ordnung fest.',
    ],
    counterparts: [
      'Die Bereiche, die von Anfang an beteiligt sind (Finanzen, IT, Logistik, Einkauf, Vertrieb ...), und was',
      'jeder direkt davon hat. Ein Bereich, der keinen eigenen Nutzen sieht, kann das Testbed stoppen.',
    ],
    journey: [
      'Die Momente der Wahrheit auf der Reise des Kunden, wo er uns begegnet: finden, bekommen, nutzen,',
      'Hilfe erhalten. Für jeden: was der Kunde heute erlebt, und das Ziel.',
    ],
    metrics: [
      'Messen Sie, was der Kunde erlebt, nicht interne Zahlen wie die Lieferbereitschaft; Kunden urteilen nach',
      'ihren schlechtesten Erfahrungen, also den schlechtesten Wert oder das 95. Perzentil verfolgen, nicht nur den Schnitt.',
    ],
    scaleUp: [
      'Wenn sich das Testbed bewährt hat: Wie ändern sich Planung, Ressourcenzuteilung und Vergütung,',
      'damit die Neuerung über diesen einen Kunden hinaus wachsen kann?',
    ],
  },
  fr: {
    selection: [
      'Pourquoi ce client ? En 30 mots au moins : est-il petit ou peu risqué, ses processus sont-ils neufs, qui',
      "est le champion, chez lui, qui a envie d'innover ?",
    ],
    iterations: [
      "Une entrée par changement, au fil de l'eau. Les enseignements les plus importants viennent après des mois :",
      'notez aussi les changements de second et de troisième ordre.',
    ],
    counterparts: [
      'Les services associés dès le départ (finances, DSI, logistique, achats, ventes ...) et ce que chacun',
      "y gagne directement. Un service qui n'y voit aucun bénéfice pour lui peut arrêter le testbed.",
    ],
    journey: [
      'Les moments de vérité du parcours client, là où le client nous rencontre : trouver, accéder,',
      "utiliser, obtenir de l'aide. Pour chacun : ce que vit le client aujourd'hui, et la cible.",
    ],
    metrics: [
      'Mesurez ce que vit le client, pas des chiffres internes comme le taux de service ; les clients jugent sur',
      'leurs pires expériences : suivez le pire cas ou le 95e centile, pas seulement une moyenne.',
    ],
    scaleUp: [
      "Une fois le testbed éprouvé : comment la planification, l'allocation des ressources et la rémunération",
      "changeront-elles pour que l'innovation dépasse ce seul client ?",
    ],
  },
  es: {
    selection: [
      '¿Por qué este cliente? En 30 palabras como mínimo: ¿es pequeño o de bajo riesgo, son nuevos sus procesos,',
      'quién es el promotor, en su lado, con ganas de innovar?',
    ],
    iterations: [
      'Una entrada por cambio, según ocurre. Los hallazgos más importantes llegan tras meses en marcha:',
      'anote también los cambios de segundo y tercer orden.',
    ],
    counterparts: [
      'Los departamentos implicados desde el inicio (finanzas, sistemas, logística, compras, ventas ...) y qué',
      'gana cada uno directamente. Un departamento que no ve beneficio propio puede parar el testbed.',
    ],
    journey: [
      'Los momentos de la verdad del recorrido del cliente, donde nos encuentra: encontrar, acceder,',
      'usar, recibir ayuda. Para cada uno: lo que vive hoy el cliente, y el objetivo.',
    ],
    metrics: [
      'Mida lo que vive el cliente, no cifras internas como el nivel de servicio; los clientes juzgan por',
      'sus peores experiencias: siga el peor caso o el percentil 95, no solo una media.',
    ],
    scaleUp: [
      'Cuando el testbed haya demostrado su valor: ¿cómo cambiarán la planificación, la asignación de recursos',
      'y la retribución para que la innovación vaya más allá de este cliente?',
    ],
  },
};

/** The prompts after the front matter's keys (by YAML key), and the comment lines above `aims` and `customer`. */
export const PROMPTS_BY_LANG: ByOtherLang<Readonly<Record<string, string>>> = {
  de: {
    owner: 'wer das Testbed im Alltag führt',
    'owner-department': 'Ihr Bereich, z. B. Vertrieb oder Kundenservice',
    review: 'ein Testbed braucht etwa ein Jahr, bis sich die wichtigen Erkenntnisse zeigen',
    name: 'der Name des Kunden',
    tier: 'kein Premium-, Schlüssel- oder strategischer Kunde',
    'new-processes': 'sind seine Abläufe noch zu gestalten?',
    champion: 'die Person auf Kundenseite, die Neues will, z. B. "Dr. Lee, Geschäftsführerin"',
  },
  fr: {
    owner: 'qui pilote le testbed au quotidien',
    'owner-department': 'votre service, par ex. ventes ou service client',
    review: "un testbed a besoin d'un an environ avant que les enseignements importants apparaissent",
    name: 'le nom du client',
    tier: 'pas un compte premium, grand compte ou stratégique',
    'new-processes': 'ses processus sont-ils encore à concevoir ?',
    champion: 'la personne, chez le client, qui a envie d\'innover, par ex. "Dr Lee, directrice"',
  },
  es: {
    owner: 'quién lleva el testbed en el día a día',
    'owner-department': 'su departamento, p. ej. ventas o atención al cliente',
    review: 'un testbed necesita un año o así antes de que se vean los hallazgos importantes',
    name: 'el nombre del cliente',
    tier: 'no una cuenta premium, clave o estratégica',
    'new-processes': '¿están sus procesos aún por diseñar?',
    champion: 'la persona del cliente con ganas de innovar, p. ej. "Dra. Lee, directora"',
  },
};

export const ABOVE_BY_LANG: ByOtherLang<Readonly<Record<string, readonly string[]>>> = {
  de: {
    aims: [
      'Worauf das Testbed für den Kunden zielt: beliebig viele von customer-profitability, business-processes, strategic-positioning.',
    ],
    customer: [
      'Ein Kunde. Am besten passt ein kleiner, neuer Kunde, dessen Abläufe noch zu gestalten sind, mit jemandem, der Neues will;',
      'meiden Sie Premium-Kunden: sie sind für den Vertrieb ein rotes Tuch.',
    ],
  },
  fr: {
    aims: [
      'Ce que vise le testbed pour le client : une ou plusieurs valeurs parmi customer-profitability, business-processes, strategic-positioning.',
    ],
    customer: [
      'Un seul client. Un petit compte récent, aux processus encore à concevoir, avec un champion motivé convient le mieux ;',
      'évitez les comptes premium, qui inquiètent les équipes commerciales.',
    ],
  },
  es: {
    aims: [
      'A qué apunta el testbed para el cliente: uno o varios de customer-profitability, business-processes, strategic-positioning.',
    ],
    customer: [
      'Un solo cliente. Encaja mejor una cuenta pequeña y nueva, con procesos por diseñar y un promotor con ganas;',
      'evite las cuentas premium, que encienden las alarmas del equipo comercial.',
    ],
  },
};

/** The example entries the prompts show, by section (the values a writer replaces). */
export const EXAMPLES_BY_LANG: ByOtherLang<Readonly<Record<string, Readonly<Record<string, string>>>>> = {
  de: {
    iterations: {
      title: 'Kurzer Titel der Änderung',
      change: 'was wir geändert haben',
      feedback: 'was der Kunde gesagt oder erlebt hat, das dazu führte',
      source: 'Kunde',
      order: 'erste',
    },
    counterparts: {
      department: 'Finanzen',
      contact: 'der Controller',
      benefit: 'Daten zu den Betreuungskosten des Kunden',
    },
    journey: {
      stage: 'Nutzung',
      moment: 'die Pflegekraft öffnet den Stationsschrank',
      today: 'zweimal pro Woche fehlt etwas',
      target: 'alles da, in jeder Schicht',
    },
    metrics: {
      name: 'Fehlbestände auf Station pro Monat',
      perspective: 'Kunde',
      aggregate: 'schlechtester Wert',
      moment: 'die Pflegekraft öffnet den Stationsschrank',
    },
  },
  fr: {
    iterations: {
      title: 'Titre court du changement',
      change: 'ce que nous avons changé',
      feedback: "ce que le client a dit ou vécu et qui l'a motivé",
      source: 'client',
      order: 'premier',
    },
    counterparts: {
      department: 'Finances',
      contact: 'le contrôleur de gestion',
      benefit: 'les données de coût de service du compte',
    },
    journey: {
      stage: 'Utilisation',
      moment: "l'infirmière ouvre l'armoire du service",
      today: 'des articles manquent deux fois par semaine',
      target: 'tout est là, à chaque garde',
    },
    metrics: {
      name: 'ruptures dans le service par mois',
      perspective: 'client',
      aggregate: 'pire',
      moment: "l'infirmière ouvre l'armoire du service",
    },
  },
  es: {
    iterations: {
      title: 'Título breve del cambio',
      change: 'qué cambiamos',
      feedback: 'lo que dijo o vivió el cliente y lo motivó',
      source: 'cliente',
      order: 'primero',
    },
    counterparts: {
      department: 'Finanzas',
      contact: 'el controller',
      benefit: 'datos de coste de servicio de la cuenta',
    },
    journey: {
      stage: 'Uso',
      moment: 'la enfermera abre el armario de planta',
      today: 'faltan artículos dos veces por semana',
      target: 'todo está, en cada turno',
    },
    metrics: {
      name: 'roturas de stock en planta al mes',
      perspective: 'cliente',
      aggregate: 'peor',
      moment: 'la enfermera abre el armario de planta',
    },
  },
};
