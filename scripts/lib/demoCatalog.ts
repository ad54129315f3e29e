/**
 * The raw material of the demo data: names, neighbourhoods, bio fragments, venues and class
 * templates per city. Plain data; demoData.ts combines it with a seeded PRNG.
 */
import type { CityId, DayPart, FitnessLevel, Interest } from "../../functions/src/model/index.js";

export interface CityFlavour {
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Neighbourhoods members mention in their bios. */
  areas: readonly string[];
}

export const CITY_FLAVOUR: Record<CityId, CityFlavour> = {
  london: {
    firstNames: [
      "Oliver",
      "Amelia",
      "George",
      "Isla",
      "Harry",
      "Ava",
      "Jack",
      "Mia",
      "Noah",
      "Priya",
      "Arjun",
      "Aisha",
      "Kwame",
      "Chloe",
      "Daniel",
      "Grace",
      "Samuel",
      "Zara",
      "Leo",
      "Freya",
      "Omar",
      "Hannah",
      "Ethan",
      "Sophie",
      "Yusuf",
      "Ella",
      "Tom",
      "Niamh",
      "Callum",
      "Ruby",
      "Kofi",
      "Imogen",
    ],
    lastNames: [
      "Smith",
      "Jones",
      "Taylor",
      "Brown",
      "Williams",
      "Wilson",
      "Evans",
      "Thomas",
      "Patel",
      "Khan",
      "Ahmed",
      "Okafor",
      "Mensah",
      "Hughes",
      "Walker",
      "Wright",
      "Green",
      "Hall",
      "Clarke",
      "O'Connor",
      "Murphy",
      "Campbell",
      "Shah",
      "Begum",
      "Edwards",
      "Turner",
      "Bennett",
      "Kowalski",
    ],
    areas: [
      "Hackney",
      "Brixton",
      "Camden",
      "Islington",
      "Clapham",
      "Shoreditch",
      "Greenwich",
      "Peckham",
      "Walthamstow",
      "Battersea",
    ],
  },
  berlin: {
    firstNames: [
      "Lukas",
      "Lea",
      "Finn",
      "Mia",
      "Jonas",
      "Emma",
      "Leon",
      "Hannah",
      "Paul",
      "Sophie",
      "Felix",
      "Lina",
      "Elias",
      "Marie",
      "Maximilian",
      "Clara",
      "Emir",
      "Elif",
      "Deniz",
      "Anton",
      "Greta",
      "Moritz",
      "Johanna",
      "Yusuf",
      "Mila",
      "Karl",
      "Ida",
      "Niklas",
      "Zeynep",
      "Jan",
      "Lotte",
      "Tim",
    ],
    lastNames: [
      "Müller",
      "Schmidt",
      "Schneider",
      "Fischer",
      "Weber",
      "Meyer",
      "Wagner",
      "Becker",
      "Schulz",
      "Hoffmann",
      "Koch",
      "Richter",
      "Klein",
      "Wolf",
      "Schröder",
      "Neumann",
      "Schwarz",
      "Braun",
      "Zimmermann",
      "Krüger",
      "Hartmann",
      "Lange",
      "Yılmaz",
      "Kaya",
      "Demir",
      "Nowak",
      "Lehmann",
      "Köhler",
      "Vogel",
    ],
    areas: [
      "Kreuzberg",
      "Neukölln",
      "Prenzlauer Berg",
      "Friedrichshain",
      "Mitte",
      "Wedding",
      "Schöneberg",
      "Moabit",
      "Pankow",
    ],
  },
  lisbon: {
    firstNames: [
      "João",
      "Inês",
      "Tiago",
      "Beatriz",
      "Miguel",
      "Mariana",
      "Rodrigo",
      "Carolina",
      "Duarte",
      "Leonor",
      "Francisco",
      "Matilde",
      "Gonçalo",
      "Sofia",
      "Afonso",
      "Catarina",
      "Rafael",
      "Marta",
      "Diogo",
      "Ana",
      "Pedro",
      "Rita",
      "Bruno",
      "Joana",
      "Martim",
      "Filipa",
      "Lucas",
      "Camila",
      "Vasco",
      "Teresa",
      "Thiago",
      "Larissa",
    ],
    lastNames: [
      "Silva",
      "Santos",
      "Ferreira",
      "Pereira",
      "Oliveira",
      "Costa",
      "Rodrigues",
      "Martins",
      "Sousa",
      "Fernandes",
      "Gonçalves",
      "Gomes",
      "Lopes",
      "Marques",
      "Alves",
      "Almeida",
      "Ribeiro",
      "Pinto",
      "Carvalho",
      "Teixeira",
      "Moreira",
      "Correia",
      "Mendes",
      "Nunes",
      "Soares",
      "Vieira",
      "Monteiro",
      "Cardoso",
      "Rocha",
    ],
    areas: [
      "Alfama",
      "Graça",
      "Príncipe Real",
      "Alvalade",
      "Campo de Ourique",
      "Arroios",
      "Belém",
      "Estrela",
      "Parque das Nações",
    ],
  },
};

/** How an interest reads in a sentence. */
export const INTEREST_PHRASES: Record<Interest, string> = {
  running: "running",
  cycling: "cycling",
  swimming: "swimming",
  strength: "strength training",
  hiit: "HIIT",
  yoga: "yoga",
  pilates: "pilates",
  boxing: "boxing",
  climbing: "bouldering",
  crossfit: "CrossFit",
  dance: "dance classes",
  hiking: "hiking",
  tennis: "tennis",
  rowing: "rowing",
  "martial-arts": "Brazilian jiu-jitsu",
  calisthenics: "calisthenics",
};

/** How often each interest comes up among members (relative weights). */
export const INTEREST_WEIGHTS: Record<Interest, number> = {
  running: 14,
  cycling: 8,
  swimming: 7,
  strength: 12,
  hiit: 9,
  yoga: 11,
  pilates: 6,
  boxing: 5,
  climbing: 6,
  crossfit: 4,
  dance: 4,
  hiking: 6,
  tennis: 4,
  rowing: 3,
  "martial-arts": 3,
  calisthenics: 4,
};

/** Bio fragments; `{i1}` and `{i2}` become the member's first two interests, `{area}` a neighbourhood. */
export const BIO_OPENERS: Record<FitnessLevel, readonly string[]> = {
  beginner: [
    "New to {i1} and looking for someone patient to learn with.",
    "Getting back into shape after a long break, starting with {i1}.",
    "Picked up {i1} this year and I'm hooked.",
    "Complete beginner at {i1}, enthusiastic about everything else.",
    "Desk job, trying to move more: {i1} and {i2} so far.",
  ],
  intermediate: [
    "Training {i1} three times a week, {i2} when work allows.",
    "Weekend {i1} regular, looking for people to keep me honest on weekdays.",
    "A few years of {i1} behind me, now mixing in {i2}.",
    "Consistent but not fast: {i1} most days, {i2} for fun.",
    "Back to {i1} after an injury and building up again.",
  ],
  advanced: [
    "Competing in {i1} at club level.",
    "{I1} is my thing: six sessions a week, always up for a hard one.",
    "Coached {i1} for a while, now training for myself again.",
    "Big on {i1} and {i2}, happy to share what I've learned.",
    "Chasing a personal best in {i1} this season.",
  ],
};

export const BIO_GOALS = [
  "Training for my first 10K.",
  "Working towards my first pull-up.",
  "Aiming for a half marathon in the spring.",
  "Want to feel stronger on the bike.",
  "Trying to get more flexible before my back gives up.",
  "Goal this year: a sub-25 parkrun.",
  "Looking to lift heavier with good form.",
  "Signed up for a sprint triathlon, help!",
  "Mostly here to make training a habit.",
  "Would love a regular partner for early sessions.",
  "Keen to try a new sport every month.",
];

export const BIO_AREA = [
  "Usually around {area}.",
  "Based in {area}.",
  "Live in {area}, happy to travel a bit.",
  "{area} local.",
];

export const BIO_CLOSERS = [
  "Coffee afterwards is non-negotiable.",
  "Happy to split the cost of a class.",
  "My dog joins most runs.",
  "Early starts suit me best.",
  "Evenings after 6 work best for me.",
  "Music recommendations welcome.",
  "I talk a lot on easy runs, you've been warned.",
  "Always down for a post-workout brunch.",
];

/** What an instructor teaches (2–3 disciplines from one group), and the credentials that go with it. */
export const INSTRUCTOR_DISCIPLINES: readonly { teaches: readonly Interest[]; credentials: readonly string[] }[] = [
  {
    teaches: ["yoga", "pilates"],
    credentials: ["200-hour certified yoga teacher", "Certified mat pilates instructor"],
  },
  {
    teaches: ["strength", "crossfit", "hiit"],
    credentials: ["Level 3 personal trainer", "Certified strength and conditioning coach"],
  },
  {
    teaches: ["boxing", "martial-arts", "hiit"],
    credentials: ["Former amateur boxing champion", "Brown belt in jiu-jitsu"],
  },
  {
    teaches: ["running", "hiking", "cycling"],
    credentials: ["Qualified run leader", "Ultra-trail finisher and endurance coach"],
  },
  { teaches: ["swimming", "rowing"], credentials: ["Qualified swim coach", "Former national-squad rower"] },
  {
    teaches: ["climbing", "calisthenics", "strength"],
    credentials: ["Certified climbing instructor", "Physiotherapist turned coach"],
  },
  {
    teaches: ["dance", "pilates", "yoga"],
    credentials: ["Professional contemporary dancer", "Certified barre and pilates instructor"],
  },
  { teaches: ["tennis", "hiit", "running"], credentials: ["Licensed tennis coach", "Former college tennis player"] },
];

export interface Venue {
  name: string;
  address: string;
  lat: number;
  lng: number;
  /** What can sensibly be taught there. */
  hosts: readonly Interest[];
}

/** Parks and public places are real; studios and gyms are invented names on real streets. */
export const VENUES: Record<CityId, readonly Venue[]> = {
  london: [
    {
      name: "Regent's Park, The Hub",
      address: "Inner Circle, London NW1 4NR",
      lat: 51.5313,
      lng: -0.157,
      hosts: ["running", "cycling", "hiit", "calisthenics", "yoga", "hiking"],
    },
    {
      name: "Parliament Hill, Hampstead Heath",
      address: "Highgate Rd, London NW5 1QR",
      lat: 51.5594,
      lng: -0.1508,
      hosts: ["running", "hiking", "tennis", "yoga", "hiit"],
    },
    {
      name: "London Fields Lido",
      address: "London Fields West Side, London E8 3EU",
      lat: 51.542,
      lng: -0.0613,
      hosts: ["swimming"],
    },
    {
      name: "Kinetic Loft Shoreditch",
      address: "42 Great Eastern St, London EC2A 3EP",
      lat: 51.5245,
      lng: -0.0813,
      hosts: ["yoga", "pilates", "dance", "hiit"],
    },
    {
      name: "Southbank Strength Club",
      address: "15 Belvedere Rd, London SE1 7GQ",
      lat: 51.504,
      lng: -0.116,
      hosts: ["strength", "crossfit", "boxing", "martial-arts", "hiit", "calisthenics"],
    },
    {
      name: "Bermondsey Boulder Arches",
      address: "7 Dockley Rd, London SE16 3SF",
      lat: 51.495,
      lng: -0.07,
      hosts: ["climbing"],
    },
    {
      name: "Putney Embankment Boathouses",
      address: "Putney Embankment, London SW15 1LB",
      lat: 51.468,
      lng: -0.219,
      hosts: ["rowing", "running", "cycling"],
    },
  ],
  berlin: [
    {
      name: "Tempelhofer Feld, Eingang Columbiadamm",
      address: "Columbiadamm, 10965 Berlin",
      lat: 52.484,
      lng: 13.4,
      hosts: ["running", "cycling", "hiit", "calisthenics", "yoga"],
    },
    {
      name: "Volkspark Friedrichshain, Märchenbrunnen",
      address: "Am Friedrichshain, 10407 Berlin",
      lat: 52.527,
      lng: 13.427,
      hosts: ["running", "hiking", "tennis", "yoga", "hiit"],
    },
    {
      name: "Stadtbad Neukölln",
      address: "Ganghoferstraße 3, 12043 Berlin",
      lat: 52.479,
      lng: 13.435,
      hosts: ["swimming"],
    },
    {
      name: "Studio Kiezflow",
      address: "Kastanienallee 52, 10119 Berlin",
      lat: 52.538,
      lng: 13.41,
      hosts: ["yoga", "pilates", "dance", "hiit"],
    },
    {
      name: "Kraftwerk Athletics Kreuzberg",
      address: "Skalitzer Str. 85, 10997 Berlin",
      lat: 52.499,
      lng: 13.43,
      hosts: ["strength", "crossfit", "boxing", "martial-arts", "hiit", "calisthenics"],
    },
    {
      name: "Boulderhalle Spreewand",
      address: "Rummelsburger Str. 50, 10319 Berlin",
      lat: 52.496,
      lng: 13.476,
      hosts: ["climbing"],
    },
    {
      name: "Treptower Park, Rudersteg",
      address: "Puschkinallee, 12435 Berlin",
      lat: 52.49,
      lng: 13.47,
      hosts: ["rowing", "running", "cycling"],
    },
  ],
  lisbon: [
    {
      name: "Parque Eduardo VII",
      address: "Parque Eduardo VII, 1070-051 Lisboa",
      lat: 38.729,
      lng: -9.154,
      hosts: ["running", "cycling", "hiit", "calisthenics", "yoga"],
    },
    {
      name: "Parque Florestal de Monsanto, Alto da Serafina",
      address: "Estrada do Alto da Serafina, 1500-000 Lisboa",
      lat: 38.727,
      lng: -9.185,
      hosts: ["running", "hiking", "tennis", "cycling", "hiit"],
    },
    {
      name: "Piscina Municipal do Areeiro",
      address: "Av. Afonso Costa, 1900-034 Lisboa",
      lat: 38.74,
      lng: -9.132,
      hosts: ["swimming"],
    },
    {
      name: "Estúdio Alfama Flow",
      address: "Rua dos Remédios 45, 1100-441 Lisboa",
      lat: 38.7125,
      lng: -9.129,
      hosts: ["yoga", "pilates", "dance", "hiit"],
    },
    {
      name: "Forte Strength Lab",
      address: "Rua de São Bento 120, 1200-820 Lisboa",
      lat: 38.715,
      lng: -9.153,
      hosts: ["strength", "crossfit", "boxing", "martial-arts", "hiit", "calisthenics"],
    },
    {
      name: "Lisboa Boulder Club",
      address: "Rua da Cintura do Porto, Armazém 9, 1200-109 Lisboa",
      lat: 38.706,
      lng: -9.159,
      hosts: ["climbing"],
    },
    {
      name: "Doca de Santo Amaro",
      address: "Doca de Santo Amaro, 1350-353 Lisboa",
      lat: 38.702,
      lng: -9.178,
      hosts: ["rowing", "running", "yoga"],
    },
  ],
};

export interface ClassTemplate {
  title: string;
  description: string;
  durationMinutes: number;
  levels: readonly ("beginner" | "intermediate" | "advanced")[];
  capacity: readonly [min: number, max: number];
  /** Extra tags besides the main interest. */
  alsoTags?: readonly Interest[];
  /** Only at these parts of the day (default: any). */
  parts?: readonly DayPart[];
  /** Only on Saturdays and Sundays. */
  weekendOnly?: boolean;
}

export const CLASS_TEMPLATES: Record<Interest, readonly ClassTemplate[]> = {
  running: [
    {
      title: "Tempo Run Club",
      description: "6–8 km at a comfortably hard pace, regrouping at every turn. Bring water and a light layer.",
      durationMinutes: 60,
      levels: ["intermediate", "advanced"],
      capacity: [12, 30],
    },
    {
      title: "Easy Social 5K",
      description: "A relaxed 5 km where nobody gets left behind. Perfect if you're new to running with others.",
      durationMinutes: 45,
      levels: ["beginner"],
      capacity: [15, 30],
    },
    {
      title: "Hill Repeats",
      description: "Warm-up, 8×90 s hill efforts, cool-down. Builds power and the ability to suffer politely.",
      durationMinutes: 60,
      levels: ["advanced"],
      capacity: [8, 20],
      parts: ["morning", "evening"],
    },
  ],
  cycling: [
    {
      title: "Saturday Social Ride",
      description: "A no-drop 40 km loop at conversational pace with a café stop. Road or gravel bikes welcome.",
      durationMinutes: 150,
      levels: ["intermediate"],
      capacity: [8, 20],
      weekendOnly: true,
      parts: ["morning"],
    },
    {
      title: "Bike Skills Clinic",
      description: "Cornering, braking and riding in a group, with drills in a traffic-free space. Helmet required.",
      durationMinutes: 90,
      levels: ["beginner"],
      capacity: [8, 14],
    },
  ],
  swimming: [
    {
      title: "Technique Swim",
      description: "Stroke drills for a smoother front crawl, in small lane groups by pace.",
      durationMinutes: 60,
      levels: ["beginner", "intermediate"],
      capacity: [8, 16],
    },
    {
      title: "Masters Endurance Set",
      description: "A structured 2.5–3 km session with pace clocks. Comfortable 400 m freestyle needed.",
      durationMinutes: 75,
      levels: ["advanced"],
      capacity: [8, 18],
    },
  ],
  strength: [
    {
      title: "Barbell Basics",
      description: "Squat, deadlift and press with coaching on every rep. Light weights, big focus on form.",
      durationMinutes: 60,
      levels: ["beginner"],
      capacity: [8, 12],
    },
    {
      title: "Strength Block: Lower Body",
      description: "Heavy compound lifts and accessory work in a progressive 6-week block. Drop in any week.",
      durationMinutes: 75,
      levels: ["intermediate", "advanced"],
      capacity: [8, 14],
    },
  ],
  hiit: [
    {
      title: "Lunchtime HIIT 45",
      description:
        "Forty-five minutes of intervals, bodyweight and kettlebells. Back at your desk, sweat-free-ish, by 13:30.",
      durationMinutes: 45,
      levels: ["intermediate"],
      capacity: [12, 30],
      parts: ["midday"],
    },
    {
      title: "Sunrise Bootcamp",
      description: "Circuits in the open air to start the day. Every exercise has an easier and a harder option.",
      durationMinutes: 50,
      levels: ["beginner", "intermediate"],
      capacity: [15, 30],
      parts: ["morning"],
    },
  ],
  yoga: [
    {
      title: "Vinyasa Flow",
      description: "A dynamic, breath-led flow building to a peak pose, then a long savasana. Mats provided.",
      durationMinutes: 60,
      levels: ["intermediate"],
      capacity: [10, 25],
    },
    {
      title: "Gentle Yoga & Breathwork",
      description: "Slow stretches and breathing practice to undo a week at the desk. No experience needed.",
      durationMinutes: 60,
      levels: ["beginner"],
      capacity: [10, 25],
    },
    {
      title: "Yoga for Runners",
      description: "Hips, hamstrings and calves: mobility work aimed squarely at tight runners.",
      durationMinutes: 45,
      levels: ["beginner", "intermediate"],
      capacity: [10, 20],
      alsoTags: ["running"],
    },
  ],
  pilates: [
    {
      title: "Mat Pilates Core",
      description: "Controlled core and posture work on the mat. Small group so the instructor can correct everyone.",
      durationMinutes: 50,
      levels: ["beginner", "intermediate"],
      capacity: [8, 16],
    },
    {
      title: "Pilates Sculpt",
      description: "Mat pilates with bands and light weights, at a brisk pace.",
      durationMinutes: 45,
      levels: ["intermediate"],
      capacity: [8, 16],
    },
  ],
  boxing: [
    {
      title: "Boxing Fundamentals",
      description: "Stance, footwork and the basic combinations on pads. Gloves and wraps available to borrow.",
      durationMinutes: 60,
      levels: ["beginner"],
      capacity: [8, 16],
    },
    {
      title: "Fight Fit Conditioning",
      description: "Bag rounds, skipping and core work. No sparring, a lot of sweat.",
      durationMinutes: 50,
      levels: ["intermediate", "advanced"],
      capacity: [10, 20],
      alsoTags: ["hiit"],
    },
  ],
  climbing: [
    {
      title: "Intro to Bouldering",
      description: "Safe falling, footwork and reading a route. Shoes included; come as you are.",
      durationMinutes: 90,
      levels: ["beginner"],
      capacity: [8, 12],
    },
    {
      title: "Project Night",
      description: "Coached session on V4+ problems: movement tips and a friendly crowd to cheer the send.",
      durationMinutes: 120,
      levels: ["intermediate", "advanced"],
      capacity: [8, 14],
      parts: ["evening"],
    },
  ],
  crossfit: [
    {
      title: "WOD: Team Edition",
      description: "The workout of the day in pairs: scaled options for every movement.",
      durationMinutes: 60,
      levels: ["intermediate", "advanced"],
      capacity: [10, 20],
      alsoTags: ["strength"],
    },
    {
      title: "CrossFit Foundations",
      description: "The nine core movements taught step by step before you join regular classes.",
      durationMinutes: 60,
      levels: ["beginner"],
      capacity: [8, 12],
    },
  ],
  dance: [
    {
      title: "Dance Cardio",
      description: "Easy-to-follow choreography to pop and Afrobeats. Nobody is watching, promise.",
      durationMinutes: 50,
      levels: ["beginner", "intermediate"],
      capacity: [12, 30],
    },
    {
      title: "Contemporary Technique",
      description: "Floor work, turns and a short combination to finish. Some dance experience helps.",
      durationMinutes: 75,
      levels: ["intermediate"],
      capacity: [8, 18],
    },
  ],
  hiking: [
    {
      title: "Urban Green Hike",
      description: "A brisk 10 km walk linking parks and viewpoints, with a stop for photos.",
      durationMinutes: 150,
      levels: ["beginner", "intermediate"],
      capacity: [10, 25],
      weekendOnly: true,
    },
    {
      title: "Trail Pace Hike",
      description: "Hilly trails at a steady clip. Proper shoes and a water bottle, please.",
      durationMinutes: 180,
      levels: ["intermediate", "advanced"],
      capacity: [8, 20],
      weekendOnly: true,
      parts: ["morning"],
    },
  ],
  tennis: [
    {
      title: "Tennis Drills & Doubles",
      description: "Forty minutes of drills, then round-robin doubles. Rackets available.",
      durationMinutes: 90,
      levels: ["intermediate"],
      capacity: [8, 12],
    },
    {
      title: "Tennis for Beginners",
      description: "Grip, forehand, backhand and a first rally. Balls and rackets provided.",
      durationMinutes: 60,
      levels: ["beginner"],
      capacity: [8, 10],
    },
  ],
  rowing: [
    {
      title: "Learn to Row",
      description: "Technique on the ergs, then a first outing in a stable boat with a coach alongside.",
      durationMinutes: 90,
      levels: ["beginner"],
      capacity: [8, 12],
    },
    {
      title: "Erg Intervals",
      description: "Rowing-machine intervals with split targets. Leaves you tired in all the right places.",
      durationMinutes: 45,
      levels: ["intermediate", "advanced"],
      capacity: [8, 16],
      alsoTags: ["hiit"],
    },
  ],
  "martial-arts": [
    {
      title: "BJJ Fundamentals (No-Gi)",
      description: "Positions, escapes and one submission per week. Rash guard and shorts are fine.",
      durationMinutes: 75,
      levels: ["beginner", "intermediate"],
      capacity: [8, 20],
    },
    {
      title: "Kickboxing Technique",
      description: "Pad work on kicks and combinations, in pairs with a rotating partner.",
      durationMinutes: 60,
      levels: ["intermediate"],
      capacity: [10, 20],
      alsoTags: ["boxing"],
    },
  ],
  calisthenics: [
    {
      title: "Bar Skills",
      description: "Progressions for pull-ups, dips and muscle-ups on the outdoor bars.",
      durationMinutes: 60,
      levels: ["beginner", "intermediate"],
      capacity: [8, 15],
      alsoTags: ["strength"],
    },
    {
      title: "Handstand Lab",
      description: "Wrist prep, wall drills and balance work towards a freestanding handstand.",
      durationMinutes: 60,
      levels: ["intermediate", "advanced"],
      capacity: [8, 12],
    },
  ],
};

/** Local start times by day type: mornings, lunch and evenings on weekdays; late mornings at weekends. */
export const CLASS_SLOTS = {
  weekday: [
    { hour: 7, minute: 0, part: "morning" },
    { hour: 12, minute: 30, part: "midday" },
    { hour: 18, minute: 0, part: "evening" },
    { hour: 19, minute: 30, part: "evening" },
  ],
  saturday: [
    { hour: 8, minute: 30, part: "morning" },
    { hour: 10, minute: 0, part: "morning" },
    { hour: 11, minute: 30, part: "morning" },
    { hour: 16, minute: 0, part: "afternoon" },
  ],
  sunday: [
    { hour: 9, minute: 0, part: "morning" },
    { hour: 10, minute: 30, part: "morning" },
    { hour: 17, minute: 0, part: "afternoon" },
  ],
} as const;
