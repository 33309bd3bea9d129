// First names and family names per culture, for generate_contact().
//
// Each list is ordered roughly from the most to the least common name of that
// culture today (a mix of generations, since customers are 18 to 95); the
// generator weights rank r by a Zipf-like 1/(r + k). Names shared by several
// cultures (Anna, Maria, Thomas ...) add up across them.
//
// Greek names are in Greek script, as Greek customers write them; Japanese
// names are romanized the way Japanese passports do (Hepburn, no macrons).
#include "core/generator_data.hpp"

#include "core/no_postgres.hpp"

namespace contacts::core::gendata {
namespace {

using sv = std::string_view;

template <std::size_t N>
constexpr StringList ranked(const sv (&items)[N]) {
    static_assert(N > 0 && N <= kMaxRankedList, "ranked name list too long for the weight tables");
    return StringList{items, static_cast<uint16_t>(N)};
}

// ---------------------------------------------------------------- German
constexpr sv kGermanMale[] = {
    "Thomas", "Michael", "Andreas", "Stefan", "Christian", "Peter", "Markus", "Alexander",
    "Daniel", "Frank", "Jürgen", "Wolfgang", "Klaus", "Sebastian", "Tobias", "Matthias",
    "Paul", "Lukas", "Jan", "Florian", "Uwe", "Jörg", "Ralf", "Maximilian", "Felix",
    "Leon", "Jonas", "Hans", "Dieter", "Günter", "Niklas", "Julian", "Moritz", "Manfred",
    "Horst", "Björn", "Finn", "Jakob", "Bernd", "Karl-Heinz", "Elias", "Noah", "Helmut",
    "Lennart", "Ole", "Till", "Henrik", "Joachim",
};
constexpr sv kGermanFemale[] = {
    "Sabine", "Petra", "Claudia", "Andrea", "Stefanie", "Nicole", "Susanne", "Julia",
    "Katharina", "Sandra", "Christina", "Laura", "Anna", "Lena", "Monika", "Ursula",
    "Birgit", "Karin", "Renate", "Brigitte", "Sophie", "Hannah", "Lea", "Lisa", "Jana",
    "Sarah", "Heike", "Anja", "Johanna", "Marie", "Emma", "Mia", "Charlotte", "Jutta",
    "Gisela", "Ingrid", "Frieda", "Greta", "Zoë", "Käthe", "Lotte", "Annegret", "Bärbel",
    "Marlene", "Luise", "Helga", "Maria",
};
constexpr Surname kGermanSurnames[] = {
    {"Müller", {}}, {"Schmidt", {}}, {"Schneider", {}}, {"Fischer", {}}, {"Weber", {}},
    {"Meyer", {}}, {"Wagner", {}}, {"Becker", {}}, {"Schulz", {}}, {"Hoffmann", {}},
    {"Schäfer", {}}, {"Koch", {}}, {"Bauer", {}}, {"Richter", {}}, {"Klein", {}},
    {"Wolf", {}}, {"Schröder", {}}, {"Neumann", {}}, {"Schwarz", {}}, {"Zimmermann", {}},
    {"Braun", {}}, {"Krüger", {}}, {"Hofmann", {}}, {"Hartmann", {}}, {"Lange", {}},
    {"Schmitt", {}}, {"Werner", {}}, {"Schmitz", {}}, {"Krause", {}}, {"Meier", {}},
    {"Lehmann", {}}, {"Schmid", {}}, {"Schulze", {}}, {"Maier", {}}, {"Köhler", {}},
    {"Herrmann", {}}, {"König", {}}, {"Walter", {}}, {"Mayer", {}}, {"Huber", {}},
    {"Kaiser", {}}, {"Fuchs", {}}, {"Peters", {}}, {"Lang", {}}, {"Scholz", {}},
    {"Möller", {}}, {"Weiß", {}}, {"Jung", {}}, {"Hahn", {}}, {"Schubert", {}},
    {"Vogel", {}}, {"Friedrich", {}}, {"Keller", {}}, {"Günther", {}}, {"Frank", {}},
    {"Berger", {}}, {"Winkler", {}}, {"Roth", {}}, {"Beck", {}}, {"Lorenz", {}},
    {"Baumann", {}}, {"Franke", {}}, {"Albrecht", {}}, {"Schuster", {}}, {"Böhm", {}},
    {"Winter", {}}, {"Kraus", {}}, {"Schumacher", {}}, {"Krämer", {}}, {"Vogt", {}},
    {"Jäger", {}}, {"Groß", {}}, {"Seidel", {}}, {"Brandt", {}}, {"Haas", {}},
    {"Dietrich", {}}, {"Ziegler", {}}, {"Kühn", {}}, {"Pohl", {}}, {"Engel", {}},
};

// ---------------------------------------------------------------- French
constexpr sv kFrenchMale[] = {
    "Jean", "Philippe", "Michel", "Alain", "Nicolas", "Pierre", "Christophe", "Laurent",
    "Stéphane", "Sébastien", "Julien", "David", "Thomas", "François", "Éric", "Olivier",
    "Frédéric", "Patrick", "Antoine", "Gabriel", "Louis", "Raphaël", "Jules", "Hugo",
    "Lucas", "Léo", "Arthur", "Maxime", "Mathieu", "Jérôme", "Benoît", "Guillaume",
    "Théo", "Noé", "Adrien", "Bernard", "Yves", "Gérard", "Clément", "Baptiste",
};
constexpr sv kFrenchFemale[] = {
    "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Valérie",
    "Christine", "Céline", "Sophie", "Stéphanie", "Camille", "Françoise", "Léa", "Manon",
    "Chloé", "Emma", "Jade", "Louise", "Alice", "Inès", "Juliette", "Aurélie", "Émilie",
    "Hélène", "Margaux", "Zoé", "Élodie", "Julie", "Anaïs", "Mélanie", "Clémence",
    "Océane", "Agnès", "Brigitte", "Monique", "Geneviève", "Ève", "Maëlle", "Anne",
};
constexpr Surname kFrenchSurnames[] = {
    {"Martin", {}}, {"Bernard", {}}, {"Dubois", {}}, {"Thomas", {}}, {"Robert", {}},
    {"Richard", {}}, {"Petit", {}}, {"Durand", {}}, {"Leroy", {}}, {"Moreau", {}},
    {"Simon", {}}, {"Laurent", {}}, {"Lefebvre", {}}, {"Michel", {}}, {"Garcia", {}},
    {"David", {}}, {"Bertrand", {}}, {"Roux", {}}, {"Vincent", {}}, {"Fournier", {}},
    {"Morel", {}}, {"Girard", {}}, {"André", {}}, {"Lefèvre", {}}, {"Mercier", {}},
    {"Dupont", {}}, {"Lambert", {}}, {"Bonnet", {}}, {"François", {}}, {"Martinez", {}},
    {"Legrand", {}}, {"Garnier", {}}, {"Faure", {}}, {"Rousseau", {}}, {"Blanc", {}},
    {"Guérin", {}}, {"Muller", {}}, {"Henry", {}}, {"Roussel", {}}, {"Nicolas", {}},
    {"Perrin", {}}, {"Morin", {}}, {"Mathieu", {}}, {"Clément", {}}, {"Gauthier", {}},
    {"Dumont", {}}, {"Fontaine", {}}, {"Chevalier", {}}, {"Robin", {}}, {"Masson", {}},
    {"Gérard", {}}, {"Nguyen", {}}, {"Boyer", {}}, {"Lemaire", {}}, {"Duval", {}},
    {"Joly", {}}, {"Noël", {}}, {"Meunier", {}}, {"Marchand", {}}, {"Dufour", {}},
    {"Blanchard", {}}, {"Brunet", {}}, {"Leclerc", {}}, {"Lacroix", {}}, {"Rivière", {}},
    {"Le Gall", {}}, {"Prévost", {}}, {"Carré", {}}, {"Rémy", {}}, {"Ménard", {}},
};

// ---------------------------------------------------------------- Spanish (Spain and Latin America)
constexpr sv kSpanishMale[] = {
    "Antonio", "José", "Manuel", "Francisco", "David", "Juan", "Javier", "Carlos",
    "Daniel", "Jesús", "Alejandro", "Miguel", "José Luis", "Rafael", "Pablo", "Pedro",
    "Ángel", "Sergio", "Fernando", "Jorge", "Luis", "Alberto", "Álvaro", "Adrián",
    "Diego", "Raúl", "Iván", "Rubén", "Hugo", "Mateo", "Martín", "Santiago",
    "Sebastián", "Matías", "Nicolás", "Joaquín", "Andrés", "Felipe", "Emiliano", "Tomás",
    "Ignacio", "Gonzalo", "Óscar", "Ramón", "Enrique",
};
constexpr sv kSpanishFemale[] = {
    "María", "Carmen", "Ana", "Isabel", "Laura", "Cristina", "Marta", "Lucía", "Dolores",
    "Pilar", "Elena", "Sara", "Paula", "Raquel", "Rosa", "Mercedes", "Beatriz", "Julia",
    "Patricia", "Silvia", "Teresa", "Nuria", "Irene", "Sofía", "Martina", "Valentina",
    "Camila", "Valeria", "Ximena", "Daniela", "Mariana", "Guadalupe", "Florencia",
    "Agustina", "Catalina", "Gabriela", "Alba", "Noelia", "Inés", "Rocío", "Claudia",
    "Andrea", "Ángela", "Begoña", "Montserrat",
};
constexpr Surname kSpanishSurnames[] = {
    {"García", {}}, {"Rodríguez", {}}, {"González", {}}, {"Fernández", {}}, {"López", {}},
    {"Martínez", {}}, {"Sánchez", {}}, {"Pérez", {}}, {"Gómez", {}}, {"Martín", {}},
    {"Jiménez", {}}, {"Ruiz", {}}, {"Hernández", {}}, {"Díaz", {}}, {"Moreno", {}},
    {"Muñoz", {}}, {"Álvarez", {}}, {"Romero", {}}, {"Alonso", {}}, {"Gutiérrez", {}},
    {"Navarro", {}}, {"Torres", {}}, {"Domínguez", {}}, {"Vázquez", {}}, {"Ramos", {}},
    {"Gil", {}}, {"Ramírez", {}}, {"Serrano", {}}, {"Blanco", {}}, {"Molina", {}},
    {"Morales", {}}, {"Suárez", {}}, {"Ortega", {}}, {"Delgado", {}}, {"Castro", {}},
    {"Ortiz", {}}, {"Rubio", {}}, {"Marín", {}}, {"Sanz", {}}, {"Núñez", {}},
    {"Iglesias", {}}, {"Medina", {}}, {"Garrido", {}}, {"Cortés", {}}, {"Castillo", {}},
    {"Santos", {}}, {"Lozano", {}}, {"Guerrero", {}}, {"Cano", {}}, {"Prieto", {}},
    {"Méndez", {}}, {"Cruz", {}}, {"Flores", {}}, {"Herrera", {}}, {"Peña", {}},
    {"León", {}}, {"Márquez", {}}, {"Cabrera", {}}, {"Gallego", {}}, {"Calvo", {}},
    {"Vidal", {}}, {"Reyes", {}}, {"Vega", {}}, {"Fuentes", {}}, {"Carrasco", {}},
    {"Aguilar", {}}, {"Ibáñez", {}}, {"Mendoza", {}}, {"Rojas", {}}, {"Castañeda", {}},
    {"Benítez", {}}, {"Acosta", {}}, {"Salazar", {}}, {"Espinoza", {}}, {"Sosa", {}},
    {"Aguirre", {}}, {"Echeverría", {}}, {"Quiñones", {}},
};

// ---------------------------------------------------------------- Italian
constexpr sv kItalianMale[] = {
    "Giuseppe", "Giovanni", "Antonio", "Marco", "Andrea", "Francesco", "Luca", "Mario",
    "Alessandro", "Luigi", "Roberto", "Stefano", "Paolo", "Angelo", "Vincenzo", "Pietro",
    "Salvatore", "Carlo", "Franco", "Domenico", "Bruno", "Michele", "Giorgio", "Sergio",
    "Matteo", "Lorenzo", "Leonardo", "Davide", "Federico", "Riccardo", "Niccolò",
    "Gabriele", "Tommaso", "Fabio", "Simone", "Emanuele", "Nicolò", "Enzo",
};
constexpr sv kItalianFemale[] = {
    "Maria", "Giuseppina", "Rosa", "Angela", "Anna", "Giovanna", "Teresa", "Lucia",
    "Francesca", "Carmela", "Caterina", "Giulia", "Sofia", "Aurora", "Alice", "Ginevra",
    "Emma", "Giorgia", "Martina", "Chiara", "Sara", "Elena", "Valentina", "Federica",
    "Silvia", "Paola", "Laura", "Alessandra", "Simona", "Beatrice", "Greta", "Noemi",
    "Antonella", "Roberta", "Ilaria", "Letizia", "Graziella",
};
constexpr Surname kItalianSurnames[] = {
    {"Rossi", {}}, {"Russo", {}}, {"Ferrari", {}}, {"Esposito", {}}, {"Bianchi", {}},
    {"Romano", {}}, {"Colombo", {}}, {"Ricci", {}}, {"Marino", {}}, {"Greco", {}},
    {"Bruno", {}}, {"Gallo", {}}, {"Conti", {}}, {"De Luca", {}}, {"Mancini", {}},
    {"Costa", {}}, {"Giordano", {}}, {"Rizzo", {}}, {"Lombardi", {}}, {"Moretti", {}},
    {"Barbieri", {}}, {"Fontana", {}}, {"Santoro", {}}, {"Mariani", {}}, {"Rinaldi", {}},
    {"Caruso", {}}, {"Ferrara", {}}, {"Galli", {}}, {"Martini", {}}, {"Leone", {}},
    {"Longo", {}}, {"Gentile", {}}, {"Martinelli", {}}, {"Vitale", {}}, {"Lombardo", {}},
    {"Serra", {}}, {"Coppola", {}}, {"De Santis", {}}, {"D'Angelo", {}}, {"Marchetti", {}},
    {"Parisi", {}}, {"Villa", {}}, {"Conte", {}}, {"Ferraro", {}}, {"Ferri", {}},
    {"Fabbri", {}}, {"Bianco", {}}, {"Marini", {}}, {"Grasso", {}}, {"Valentini", {}},
    {"Messina", {}}, {"Sala", {}}, {"De Angelis", {}}, {"Gatti", {}}, {"Pellegrini", {}},
    {"Palumbo", {}}, {"Sanna", {}}, {"Farina", {}}, {"Rizzi", {}}, {"Monti", {}},
    {"Cattaneo", {}}, {"Morelli", {}}, {"Amato", {}}, {"Silvestri", {}}, {"Mazza", {}},
    {"Testa", {}}, {"Carbone", {}}, {"Giuliani", {}}, {"Benedetti", {}}, {"Barone", {}},
    {"Niccolini", {}}, {"Sforza", {}}, {"Cocchi", {}}, {"Negri", {}},
};

// ---------------------------------------------------------------- Portuguese (Portugal and Brazil)
constexpr sv kPortugueseMale[] = {
    "João", "José", "António", "Francisco", "Manuel", "Pedro", "Luís", "Carlos", "Paulo",
    "Rui", "Miguel", "Tiago", "Diogo", "Rafael", "Gonçalo", "Duarte", "Tomás", "Martim",
    "Afonso", "Lucas", "Gabriel", "Gustavo", "Matheus", "Felipe", "Guilherme", "Bruno",
    "Rodrigo", "Leonardo", "Enzo", "Arthur", "Heitor", "Bernardo", "Davi", "Vítor",
    "Henrique", "Sebastião", "Antônio", "Marcelo", "Fábio",
};
constexpr sv kPortugueseFemale[] = {
    "Maria", "Ana", "Francisca", "Beatriz", "Mariana", "Inês", "Leonor", "Matilde",
    "Carolina", "Sofia", "Joana", "Catarina", "Rita", "Sara", "Margarida", "Teresa",
    "Isabel", "Fernanda", "Juliana", "Larissa", "Camila", "Letícia", "Amanda", "Bruna",
    "Gabriela", "Alice", "Helena", "Valentina", "Lívia", "Luíza", "Cecília", "Antónia",
    "Conceição", "Lúcia", "Vitória", "Adriana", "Patrícia", "Raquel",
};
constexpr Surname kPortugueseSurnames[] = {
    {"Silva", {}}, {"Santos", {}}, {"Ferreira", {}}, {"Pereira", {}}, {"Oliveira", {}},
    {"Costa", {}}, {"Rodrigues", {}}, {"Martins", {}}, {"Jesus", {}}, {"Sousa", {}},
    {"Fernandes", {}}, {"Gonçalves", {}}, {"Gomes", {}}, {"Lopes", {}}, {"Marques", {}},
    {"Alves", {}}, {"Almeida", {}}, {"Ribeiro", {}}, {"Pinto", {}}, {"Carvalho", {}},
    {"Teixeira", {}}, {"Moreira", {}}, {"Correia", {}}, {"Mendes", {}}, {"Nunes", {}},
    {"Soares", {}}, {"Vieira", {}}, {"Monteiro", {}}, {"Cardoso", {}}, {"Rocha", {}},
    {"Raposo", {}}, {"Neves", {}}, {"Coelho", {}}, {"Cruz", {}}, {"Cunha", {}},
    {"Pires", {}}, {"Ramos", {}}, {"Reis", {}}, {"Simões", {}}, {"Antunes", {}},
    {"Matos", {}}, {"Fonseca", {}}, {"Machado", {}}, {"Araújo", {}}, {"Barbosa", {}},
    {"Tavares", {}}, {"Lourenço", {}}, {"Figueiredo", {}}, {"Azevedo", {}}, {"Freitas", {}},
    {"Magalhães", {}}, {"Brandão", {}}, {"Assunção", {}}, {"Barros", {}}, {"Nascimento", {}},
    {"Lima", {}}, {"Dias", {}}, {"Moura", {}}, {"Cavalcanti", {}}, {"Batista", {}},
};

// ---------------------------------------------------------------- Dutch / Flemish
constexpr sv kDutchMale[] = {
    "Jan", "Peter", "Johannes", "Hendrik", "Pieter", "Willem", "Kees", "Gerrit", "Cornelis",
    "Dirk", "Johan", "Sander", "Bas", "Thijs", "Bram", "Daan", "Sem", "Lucas", "Levi",
    "Finn", "Milan", "Jesse", "Ruben", "Lars", "Niels", "Joost", "Maarten", "Wouter",
    "Stijn", "Jens", "Tom", "Koen", "Geert", "Jeroen", "Bart", "Wim", "Luuk", "Arjen",
};
constexpr sv kDutchFemale[] = {
    "Johanna", "Cornelia", "Elisabeth", "Maria", "Sanne", "Lotte", "Femke", "Anouk", "Anna",
    "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Lieke", "Fleur", "Eva", "Sara",
    "Iris", "Noor", "Annelies", "Inge", "Marieke", "Anke", "Ilse", "Mieke", "Ellen", "Els",
    "Linde", "Nina", "Fenna", "Petra", "Wilhelmina", "Ineke", "Floor", "Saar", "Anneke",
};
constexpr Surname kDutchSurnames[] = {
    {"de Jong", {}}, {"Jansen", {}}, {"de Vries", {}}, {"van den Berg", {}}, {"van Dijk", {}},
    {"Bakker", {}}, {"Janssen", {}}, {"Visser", {}}, {"Smit", {}}, {"Meijer", {}},
    {"de Boer", {}}, {"Mulder", {}}, {"de Groot", {}}, {"Bos", {}}, {"Vos", {}},
    {"Peters", {}}, {"Hendriks", {}}, {"van Leeuwen", {}}, {"Dekker", {}}, {"Brouwer", {}},
    {"de Wit", {}}, {"Dijkstra", {}}, {"Smits", {}}, {"de Graaf", {}}, {"van der Meer", {}},
    {"van der Linden", {}}, {"Kok", {}}, {"Jacobs", {}}, {"de Haan", {}}, {"Vermeulen", {}},
    {"van den Heuvel", {}}, {"van der Veen", {}}, {"van den Broek", {}}, {"de Bruijn", {}},
    {"van der Heijden", {}}, {"Schouten", {}}, {"van Beek", {}}, {"Willems", {}},
    {"van Vliet", {}}, {"Peeters", {}}, {"Maes", {}}, {"Claes", {}}, {"Goossens", {}},
    {"Wouters", {}}, {"De Smet", {}}, {"Mertens", {}}, {"Hoekstra", {}}, {"Koster", {}},
    {"Prins", {}}, {"Huisman", {}}, {"Verbruggen", {}}, {"Van Damme", {}}, {"Geerts", {}},
    {"IJzerman", {}},
};

// ---------------------------------------------------------------- English (UK, US, Canada, Australia)
constexpr sv kEnglishMale[] = {
    "James", "John", "Robert", "Michael", "David", "William", "Richard", "Thomas",
    "Joseph", "Christopher", "Daniel", "Matthew", "Mark", "Paul", "Andrew", "Charles",
    "Anthony", "Steven", "Kevin", "Brian", "George", "Edward", "Joshua", "Timothy",
    "Jason", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Scott",
    "Benjamin", "Samuel", "Gregory", "Alexander", "Patrick", "Jack", "Oliver", "Harry",
    "Noah", "Liam", "Ethan", "Oscar", "Charlie", "Henry", "Alfie", "Theo", "Freddie",
    "Archie", "Logan", "Mason", "Aiden", "Tyler", "Brandon", "Justin", "Dylan", "Kenneth",
    "Ronald",
};
constexpr sv kEnglishFemale[] = {
    "Mary", "Elizabeth", "Sarah", "Jennifer", "Emma", "Patricia", "Linda", "Susan",
    "Jessica", "Karen", "Lisa", "Margaret", "Emily", "Olivia", "Laura", "Rebecca",
    "Michelle", "Amanda", "Sophia", "Charlotte", "Amelia", "Hannah", "Rachel", "Nancy",
    "Barbara", "Ashley", "Stephanie", "Nicole", "Helen", "Catherine", "Anna", "Deborah",
    "Sandra", "Donna", "Carol", "Melissa", "Angela", "Kimberly", "Ava",
    "Isabella", "Mia", "Harper", "Evelyn", "Abigail", "Chloe", "Grace", "Lily", "Zoë",
    "Ella", "Isla", "Poppy", "Freya", "Megan", "Lauren", "Jade", "Gemma", "Kathleen",
    "Dorothy", "Shirley",
};
constexpr Surname kEnglishSurnames[] = {
    {"Smith", {}}, {"Johnson", {}}, {"Williams", {}}, {"Brown", {}}, {"Jones", {}},
    {"Miller", {}}, {"Davis", {}}, {"Wilson", {}}, {"Taylor", {}}, {"Anderson", {}},
    {"Thomas", {}}, {"Moore", {}}, {"Jackson", {}}, {"Martin", {}}, {"Lee", {}},
    {"Thompson", {}}, {"White", {}}, {"Harris", {}}, {"Clark", {}}, {"Lewis", {}},
    {"Robinson", {}}, {"Walker", {}}, {"Young", {}}, {"Allen", {}}, {"King", {}},
    {"Wright", {}}, {"Scott", {}}, {"Hill", {}}, {"Green", {}}, {"Adams", {}},
    {"Baker", {}}, {"Nelson", {}}, {"Carter", {}}, {"Mitchell", {}}, {"Roberts", {}},
    {"Turner", {}}, {"Phillips", {}}, {"Campbell", {}}, {"Parker", {}}, {"Evans", {}},
    {"Edwards", {}}, {"Collins", {}}, {"Stewart", {}}, {"Morris", {}}, {"Cook", {}},
    {"Rogers", {}}, {"Morgan", {}}, {"Cooper", {}}, {"Peterson", {}}, {"Bailey", {}},
    {"Reed", {}}, {"Howard", {}}, {"Cox", {}}, {"Ward", {}}, {"Richardson", {}},
    {"Watson", {}}, {"Brooks", {}}, {"Wood", {}}, {"James", {}}, {"Bennett", {}},
    {"Gray", {}}, {"Hughes", {}}, {"Price", {}}, {"Sanders", {}}, {"Myers", {}},
    {"Long", {}}, {"Ross", {}}, {"Foster", {}}, {"Hall", {}}, {"Patel", {}},
    {"Khan", {}}, {"Davies", {}}, {"Jenkins", {}}, {"Powell", {}}, {"Russell", {}},
    {"Sullivan", {}}, {"Bell", {}}, {"Coleman", {}}, {"Butler", {}}, {"Henderson", {}},
    {"Barnes", {}}, {"Fisher", {}}, {"Graham", {}}, {"Marshall", {}}, {"Owens", {}},
    {"Harrison", {}}, {"Gibson", {}}, {"Ellis", {}}, {"Hamilton", {}}, {"Wallace", {}},
    {"Kennedy", {}}, {"Palmer", {}}, {"Lloyd", {}}, {"MacDonald", {}}, {"McKenzie", {}},
    {"Fraser", {}}, {"Nguyen", {}}, {"Kim", {}}, {"Singh", {}}, {"Chen", {}},
};

// ---------------------------------------------------------------- Irish
constexpr sv kIrishMale[] = {
    "Seán", "Jack", "James", "Conor", "Patrick", "Michael", "Ciarán", "Darragh", "Cian",
    "Oisín", "Liam", "Daniel", "Fionn", "Tadhg", "Pádraig", "Colm", "Eoin", "Niall",
    "Dónal", "Séamus", "Cathal", "Ronan", "Declan", "Aidan", "Senan", "Diarmuid",
};
constexpr sv kIrishFemale[] = {
    "Mary", "Aoife", "Niamh", "Ciara", "Saoirse", "Siobhán", "Róisín", "Caoimhe", "Emma",
    "Sarah", "Gráinne", "Orla", "Áine", "Sinéad", "Clodagh", "Éabha", "Síofra", "Aisling",
    "Méabh", "Deirdre", "Bríd", "Nuala", "Fiadh", "Grace", "Sadhbh", "Eimear",
};
constexpr Surname kIrishSurnames[] = {
    {"Murphy", {}}, {"Kelly", {}}, {"O'Sullivan", {}}, {"Walsh", {}}, {"O'Brien", {}},
    {"Byrne", {}}, {"Ryan", {}}, {"O'Connor", {}}, {"O'Neill", {}}, {"O'Reilly", {}},
    {"Doyle", {}}, {"McCarthy", {}}, {"Gallagher", {}}, {"O'Doherty", {}}, {"Kennedy", {}},
    {"Lynch", {}}, {"Murray", {}}, {"Quinn", {}}, {"Moore", {}}, {"McLoughlin", {}},
    {"O'Carroll", {}}, {"Connolly", {}}, {"Daly", {}}, {"O'Connell", {}}, {"Dunne", {}},
    {"Brennan", {}}, {"Burke", {}}, {"Collins", {}}, {"Fitzgerald", {}}, {"Maguire", {}},
    {"Nolan", {}}, {"Flynn", {}}, {"Ó Briain", "Ní Bhriain"}, {"Ó Súilleabháin", "Ní Shúilleabháin"},
    {"Mac Cárthaigh", "Nic Cárthaigh"}, {"Ó Néill", "Ní Néill"}, {"Ó Ceallaigh", "Ní Cheallaigh"},
    {"Mac Mathúna", "Nic Mhathúna"},
};

// ---------------------------------------------------------------- Swedish
constexpr sv kSwedishMale[] = {
    "Lars", "Mikael", "Anders", "Johan", "Erik", "Per", "Karl", "Peter", "Jan", "Thomas",
    "Daniel", "Fredrik", "Hans", "Bengt", "Mats", "Magnus", "Oskar", "Lucas", "William",
    "Liam", "Hugo", "Elias", "Axel", "Nils", "Gustav", "Björn", "Sven", "Åke", "Göran",
    "Stig", "Olle",
};
constexpr sv kSwedishFemale[] = {
    "Anna", "Eva", "Maria", "Karin", "Kristina", "Lena", "Sara", "Emma", "Elin",
    "Ingrid", "Birgitta", "Marie", "Malin", "Sofia", "Linnéa", "Ebba", "Alice", "Maja",
    "Elsa", "Astrid", "Wilma", "Agnes", "Ida", "Frida", "Märta", "Åsa", "Ulla", "Britt",
    "Saga", "Signe", "Ingegärd",
};
constexpr Surname kSwedishSurnames[] = {
    {"Andersson", {}}, {"Johansson", {}}, {"Karlsson", {}}, {"Nilsson", {}}, {"Eriksson", {}},
    {"Larsson", {}}, {"Olsson", {}}, {"Persson", {}}, {"Svensson", {}}, {"Gustafsson", {}},
    {"Pettersson", {}}, {"Jonsson", {}}, {"Jansson", {}}, {"Hansson", {}}, {"Bengtsson", {}},
    {"Jönsson", {}}, {"Lindberg", {}}, {"Jakobsson", {}}, {"Magnusson", {}}, {"Lindström", {}},
    {"Olofsson", {}}, {"Lindqvist", {}}, {"Lindgren", {}}, {"Axelsson", {}}, {"Berg", {}},
    {"Bergström", {}}, {"Lundberg", {}}, {"Lind", {}}, {"Lundgren", {}}, {"Lundqvist", {}},
    {"Mattsson", {}}, {"Berglund", {}}, {"Fredriksson", {}}, {"Sandberg", {}},
    {"Henriksson", {}}, {"Forsberg", {}}, {"Sjöberg", {}}, {"Wallin", {}}, {"Engström", {}},
    {"Åberg", {}}, {"Söderberg", {}}, {"Nyström", {}}, {"Holmgren", {}}, {"Öberg", {}},
};

// ---------------------------------------------------------------- Norwegian
constexpr sv kNorwegianMale[] = {
    "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein", "Thomas",
    "Hans", "Geir", "Tor", "Morten", "Terje", "Odd", "Erik", "Rune", "Trond", "Espen",
    "Jakob", "Emil", "Noah", "Oliver", "Filip", "Aksel", "Magnus", "Håkon", "Sindre",
    "Øyvind", "Ståle",
};
constexpr sv kNorwegianFemale[] = {
    "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg",
    "Hilde", "Anna", "Solveig", "Marianne", "Randi", "Ida", "Nora", "Emma", "Sofie",
    "Ingeborg", "Maja", "Sigrid", "Tone", "Hege", "Silje", "Åse", "Ragnhild", "Gro",
    "Kristin", "Tuva", "Målfrid",
};
constexpr Surname kNorwegianSurnames[] = {
    {"Hansen", {}}, {"Johansen", {}}, {"Olsen", {}}, {"Larsen", {}}, {"Andersen", {}},
    {"Pedersen", {}}, {"Nilsen", {}}, {"Kristiansen", {}}, {"Jensen", {}}, {"Karlsen", {}},
    {"Johnsen", {}}, {"Pettersen", {}}, {"Eriksen", {}}, {"Berg", {}}, {"Haugen", {}},
    {"Hagen", {}}, {"Johannessen", {}}, {"Andreassen", {}}, {"Jacobsen", {}}, {"Dahl", {}},
    {"Jørgensen", {}}, {"Halvorsen", {}}, {"Henriksen", {}}, {"Lund", {}}, {"Sørensen", {}},
    {"Moen", {}}, {"Gundersen", {}}, {"Iversen", {}}, {"Strand", {}}, {"Solberg", {}},
    {"Svendsen", {}}, {"Eide", {}}, {"Knutsen", {}}, {"Martinsen", {}}, {"Paulsen", {}},
    {"Bakken", {}}, {"Kristoffersen", {}}, {"Mathisen", {}}, {"Lie", {}}, {"Amundsen", {}},
    {"Ødegård", {}}, {"Østby", {}}, {"Sæther", {}}, {"Bråten", {}}, {"Løvås", {}},
};

// ---------------------------------------------------------------- Danish
constexpr sv kDanishMale[] = {
    "Peter", "Jens", "Lars", "Michael", "Henrik", "Thomas", "Søren", "Jan", "Niels",
    "Christian", "Martin", "Jørgen", "Hans", "Anders", "Morten", "Jesper", "Mads",
    "Rasmus", "Frederik", "Mikkel", "Kasper", "William", "Noah", "Oscar", "Magnus",
    "Carl", "Bent", "Poul", "Erik", "Ole", "Bjarke",
};
constexpr sv kDanishFemale[] = {
    "Anne", "Kirsten", "Mette", "Hanne", "Anna", "Helle", "Susanne", "Lene", "Maria",
    "Marianne", "Lone", "Camilla", "Pia", "Louise", "Charlotte", "Bente", "Tina", "Inge",
    "Karen", "Emma", "Ida", "Freja", "Clara", "Sofie", "Laura", "Agnes", "Alma", "Ellen",
    "Birgitte", "Signe", "Sørine",
};
constexpr Surname kDanishSurnames[] = {
    {"Nielsen", {}}, {"Jensen", {}}, {"Hansen", {}}, {"Andersen", {}}, {"Pedersen", {}},
    {"Christensen", {}}, {"Larsen", {}}, {"Sørensen", {}}, {"Rasmussen", {}},
    {"Jørgensen", {}}, {"Petersen", {}}, {"Madsen", {}}, {"Kristensen", {}}, {"Olsen", {}},
    {"Thomsen", {}}, {"Christiansen", {}}, {"Poulsen", {}}, {"Johansen", {}}, {"Møller", {}},
    {"Mortensen", {}}, {"Knudsen", {}}, {"Jakobsen", {}}, {"Mikkelsen", {}}, {"Olesen", {}},
    {"Frederiksen", {}}, {"Laursen", {}}, {"Henriksen", {}}, {"Lund", {}}, {"Schmidt", {}},
    {"Eriksen", {}}, {"Holm", {}}, {"Kristiansen", {}}, {"Clausen", {}}, {"Simonsen", {}},
    {"Svendsen", {}}, {"Andreasen", {}}, {"Iversen", {}}, {"Østergaard", {}}, {"Jeppesen", {}},
    {"Vestergaard", {}}, {"Nissen", {}}, {"Lauridsen", {}}, {"Kjær", {}}, {"Jespersen", {}},
    {"Mogensen", {}}, {"Søndergaard", {}}, {"Bach", {}}, {"Nørgaard", {}}, {"Kjeldsen", {}},
};

// ---------------------------------------------------------------- Finnish
constexpr sv kFinnishMale[] = {
    "Juha", "Timo", "Matti", "Kari", "Mikko", "Jari", "Antti", "Jukka", "Mika", "Markku",
    "Pekka", "Hannu", "Heikki", "Seppo", "Janne", "Ari", "Sami", "Ville", "Petri", "Lauri",
    "Eino", "Väinö", "Onni", "Leo", "Elias", "Aleksi", "Oliver", "Toni", "Jussi", "Tapio",
};
constexpr sv kFinnishFemale[] = {
    "Helena", "Johanna", "Maria", "Anneli", "Kaarina", "Marjatta", "Anna", "Liisa",
    "Annikki", "Hannele", "Tuula", "Päivi", "Sari", "Anne", "Minna", "Riitta", "Leena",
    "Tiina", "Pirjo", "Aino", "Eveliina", "Sofia", "Emilia", "Aada", "Helmi", "Venla",
    "Elli", "Ella", "Satu", "Sanna",
};
constexpr Surname kFinnishSurnames[] = {
    {"Korhonen", {}}, {"Virtanen", {}}, {"Mäkinen", {}}, {"Nieminen", {}}, {"Mäkelä", {}},
    {"Hämäläinen", {}}, {"Laine", {}}, {"Heikkinen", {}}, {"Koskinen", {}}, {"Järvinen", {}},
    {"Lehtonen", {}}, {"Lehtinen", {}}, {"Saarinen", {}}, {"Salminen", {}}, {"Heinonen", {}},
    {"Niemi", {}}, {"Heikkilä", {}}, {"Kinnunen", {}}, {"Salonen", {}}, {"Turunen", {}},
    {"Salo", {}}, {"Laitinen", {}}, {"Tuominen", {}}, {"Rantanen", {}}, {"Karjalainen", {}},
    {"Jokinen", {}}, {"Mattila", {}}, {"Savolainen", {}}, {"Lahtinen", {}}, {"Ahonen", {}},
    {"Hiltunen", {}}, {"Kettunen", {}}, {"Leinonen", {}}, {"Miettinen", {}}, {"Pitkänen", {}},
    {"Aaltonen", {}}, {"Manninen", {}}, {"Hirvonen", {}}, {"Väisänen", {}}, {"Hyvönen", {}},
};

// ---------------------------------------------------------------- Icelandic (patronymics)
constexpr sv kIcelandicMale[] = {
    "Jón", "Sigurður", "Guðmundur", "Gunnar", "Ólafur", "Einar", "Kristján", "Magnús",
    "Stefán", "Jóhann", "Björn", "Árni", "Bjarni", "Helgi", "Halldór", "Ragnar", "Þórður",
    "Aron", "Kári", "Egill",
};
constexpr sv kIcelandicFemale[] = {
    "Guðrún", "Kristín", "Sigríður", "Margrét", "Helga", "Anna", "Sigrún", "Ingibjörg",
    "María", "Jóhanna", "Katrín", "Elín", "Ásta", "Ragnheiður", "Hildur", "Eva", "Birna",
    "Þóra", "Bryndís", "Sólveig",
};
constexpr Surname kIcelandicSurnames[] = {
    {"Jónsson", "Jónsdóttir"}, {"Sigurðsson", "Sigurðardóttir"},
    {"Guðmundsson", "Guðmundsdóttir"}, {"Gunnarsson", "Gunnarsdóttir"},
    {"Ólafsson", "Ólafsdóttir"}, {"Einarsson", "Einarsdóttir"},
    {"Kristjánsson", "Kristjánsdóttir"}, {"Magnússon", "Magnúsdóttir"},
    {"Stefánsson", "Stefánsdóttir"}, {"Jóhannsson", "Jóhannsdóttir"},
    {"Björnsson", "Björnsdóttir"}, {"Árnason", "Árnadóttir"}, {"Bjarnason", "Bjarnadóttir"},
    {"Helgason", "Helgadóttir"}, {"Halldórsson", "Halldórsdóttir"},
    {"Ragnarsson", "Ragnarsdóttir"}, {"Þórðarson", "Þórðardóttir"},
    {"Pétursson", "Pétursdóttir"}, {"Karlsson", "Karlsdóttir"},
    {"Friðriksson", "Friðriksdóttir"},
};

// ---------------------------------------------------------------- Polish
constexpr sv kPolishMale[] = {
    "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Jan", "Michał", "Marcin",
    "Jakub", "Adam", "Łukasz", "Grzegorz", "Mateusz", "Wojciech", "Mariusz", "Dariusz",
    "Zbigniew", "Marek", "Kamil", "Maciej", "Rafał", "Robert", "Jacek", "Szymon",
    "Antoni", "Stanisław", "Józef", "Ryszard", "Bartosz", "Filip", "Przemysław",
};
constexpr sv kPolishFemale[] = {
    "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna",
    "Elżbieta", "Zofia", "Joanna", "Magdalena", "Monika", "Teresa", "Danuta", "Natalia",
    "Karolina", "Aleksandra", "Marta", "Beata", "Dorota", "Julia", "Zuzanna", "Jadwiga",
    "Halina", "Alicja", "Wiktoria", "Grażyna", "Iwona", "Bożena", "Jolanta",
};
constexpr Surname kPolishSurnames[] = {
    {"Nowak", {}}, {"Kowalski", "Kowalska"}, {"Wiśniewski", "Wiśniewska"}, {"Wójcik", {}},
    {"Kowalczyk", {}}, {"Kamiński", "Kamińska"}, {"Lewandowski", "Lewandowska"},
    {"Zieliński", "Zielińska"}, {"Szymański", "Szymańska"}, {"Woźniak", {}},
    {"Dąbrowski", "Dąbrowska"}, {"Kozłowski", "Kozłowska"}, {"Jankowski", "Jankowska"},
    {"Mazur", {}}, {"Wojciechowski", "Wojciechowska"}, {"Kwiatkowski", "Kwiatkowska"},
    {"Krawczyk", {}}, {"Kaczmarek", {}}, {"Piotrowski", "Piotrowska"},
    {"Grabowski", "Grabowska"}, {"Zając", {}}, {"Pawłowski", "Pawłowska"},
    {"Michalski", "Michalska"}, {"Król", {}}, {"Wieczorek", {}}, {"Jabłoński", "Jabłońska"},
    {"Wróbel", {}}, {"Nowakowski", "Nowakowska"}, {"Majewski", "Majewska"},
    {"Olszewski", "Olszewska"}, {"Stępień", {}}, {"Malinowski", "Malinowska"},
    {"Jaworski", "Jaworska"}, {"Adamczyk", {}}, {"Dudek", {}}, {"Nowicki", "Nowicka"},
    {"Pawlak", {}}, {"Górski", "Górska"}, {"Witkowski", "Witkowska"}, {"Walczak", {}},
    {"Sikora", {}}, {"Baran", {}}, {"Rutkowski", "Rutkowska"}, {"Michalak", {}},
    {"Szewczyk", {}}, {"Ostrowski", "Ostrowska"}, {"Tomaszewski", "Tomaszewska"},
    {"Pietrzak", {}}, {"Duda", {}}, {"Zalewski", "Zalewska"}, {"Żak", {}}, {"Łuczak", {}},
};

// ---------------------------------------------------------------- Czech
constexpr sv kCzechMale[] = {
    "Jiří", "Jan", "Petr", "Josef", "Pavel", "Martin", "Tomáš", "Jaroslav", "Miroslav",
    "Zdeněk", "Václav", "Michal", "František", "Karel", "Milan", "Lukáš", "Jakub", "David",
    "Ondřej", "Vojtěch", "Matěj", "Radek", "Roman", "Stanislav", "Vladimír", "Dominik",
};
constexpr sv kCzechFemale[] = {
    "Jana", "Marie", "Eva", "Hana", "Anna", "Lenka", "Kateřina", "Lucie", "Věra", "Alena",
    "Petra", "Veronika", "Jaroslava", "Tereza", "Martina", "Michaela", "Jitka", "Helena",
    "Ludmila", "Zdeňka", "Ivana", "Monika", "Eliška", "Adéla", "Žofie", "Barbora",
    "Markéta",
};
constexpr Surname kCzechSurnames[] = {
    {"Novák", "Nováková"}, {"Svoboda", "Svobodová"}, {"Novotný", "Novotná"},
    {"Dvořák", "Dvořáková"}, {"Černý", "Černá"}, {"Procházka", "Procházková"},
    {"Kučera", "Kučerová"}, {"Veselý", "Veselá"}, {"Horák", "Horáková"}, {"Němec", "Němcová"},
    {"Marek", "Marková"}, {"Pospíšil", "Pospíšilová"}, {"Pokorný", "Pokorná"},
    {"Hájek", "Hájková"}, {"Král", "Králová"}, {"Jelínek", "Jelínková"},
    {"Růžička", "Růžičková"}, {"Beneš", "Benešová"}, {"Fiala", "Fialová"},
    {"Sedláček", "Sedláčková"}, {"Doležal", "Doležalová"}, {"Zeman", "Zemanová"},
    {"Kolář", "Kolářová"}, {"Navrátil", "Navrátilová"}, {"Čermák", "Čermáková"},
    {"Vaněk", "Vaňková"}, {"Urban", "Urbanová"}, {"Blažek", "Blažková"}, {"Kříž", "Křížová"},
    {"Kovář", "Kovářová"}, {"Bartoš", "Bartošová"}, {"Vlček", "Vlčková"},
    {"Polák", "Poláková"}, {"Musil", "Musilová"}, {"Šimek", "Šimková"},
    {"Konečný", "Konečná"}, {"Malý", "Malá"}, {"Čech", "Čechová"},
    {"Štěpánek", "Štěpánková"}, {"Staněk", "Staňková"},
};

// ---------------------------------------------------------------- Hungarian
constexpr sv kHungarianMale[] = {
    "László", "István", "József", "János", "Zoltán", "Sándor", "Gábor", "Ferenc", "Attila",
    "Péter", "Tamás", "Zsolt", "Tibor", "András", "Csaba", "Imre", "Lajos", "György",
    "Balázs", "Bence", "Máté", "Levente", "Dávid", "Ádám", "Dániel", "Gergő",
};
constexpr sv kHungarianFemale[] = {
    "Mária", "Erzsébet", "Katalin", "Éva", "Ilona", "Anna", "Zsuzsanna", "Margit",
    "Judit", "Ágnes", "Andrea", "Erika", "Krisztina", "Eszter", "Irén", "Julianna", "Edit",
    "Gabriella", "Hanna", "Zsófia", "Réka", "Boglárka", "Lili", "Dóra", "Nóra", "Viktória",
};
constexpr Surname kHungarianSurnames[] = {
    {"Nagy", {}}, {"Kovács", {}}, {"Tóth", {}}, {"Szabó", {}}, {"Horváth", {}},
    {"Varga", {}}, {"Kiss", {}}, {"Molnár", {}}, {"Németh", {}}, {"Farkas", {}},
    {"Balogh", {}}, {"Papp", {}}, {"Takács", {}}, {"Juhász", {}}, {"Lakatos", {}},
    {"Mészáros", {}}, {"Oláh", {}}, {"Simon", {}}, {"Rácz", {}}, {"Fekete", {}},
    {"Szilágyi", {}}, {"Török", {}}, {"Fehér", {}}, {"Balázs", {}}, {"Gál", {}},
    {"Kis", {}}, {"Szűcs", {}}, {"Kocsis", {}}, {"Orsós", {}}, {"Pintér", {}},
    {"Fodor", {}}, {"Szalai", {}}, {"Sipos", {}}, {"Magyar", {}}, {"Lukács", {}},
    {"Gulyás", {}}, {"Bíró", {}}, {"Király", {}}, {"Katona", {}}, {"László", {}},
};

// ---------------------------------------------------------------- Romanian
constexpr sv kRomanianMale[] = {
    "Andrei", "Alexandru", "Ion", "Mihai", "Gheorghe", "Constantin", "Vasile", "Ioan",
    "Nicolae", "Florin", "Adrian", "Cristian", "Daniel", "Marian", "Ștefan", "Bogdan",
    "Răzvan", "Lucian", "Dragoș", "Sorin", "Ionuț", "Cătălin", "Mircea", "Radu",
    "Dumitru", "Tudor", "Matei", "Gabriel", "Ovidiu",
};
constexpr sv kRomanianFemale[] = {
    "Maria", "Elena", "Ioana", "Ana", "Andreea", "Mihaela", "Alexandra", "Cristina",
    "Gabriela", "Daniela", "Georgiana", "Ionela", "Simona", "Ramona", "Nicoleta", "Alina",
    "Mădălina", "Roxana", "Irina", "Diana", "Larisa", "Bianca", "Raluca", "Oana",
    "Florentina", "Ștefania", "Anca", "Camelia", "Teodora",
};
constexpr Surname kRomanianSurnames[] = {
    {"Popa", {}}, {"Popescu", {}}, {"Pop", {}}, {"Radu", {}}, {"Dumitru", {}},
    {"Stan", {}}, {"Stoica", {}}, {"Gheorghe", {}}, {"Matei", {}}, {"Ciobanu", {}},
    {"Ionescu", {}}, {"Rusu", {}}, {"Munteanu", {}}, {"Mihai", {}}, {"Constantin", {}},
    {"Marin", {}}, {"Florea", {}}, {"Lazăr", {}}, {"Dinu", {}}, {"Toma", {}},
    {"Moldovan", {}}, {"Ilie", {}}, {"Nistor", {}}, {"Ardeleanu", {}}, {"Georgescu", {}},
    {"Dobre", {}}, {"Barbu", {}}, {"Tudor", {}}, {"Șerban", {}}, {"Vasilescu", {}},
    {"Stănescu", {}}, {"Diaconu", {}}, {"Niculescu", {}}, {"Mocanu", {}}, {"Oprea", {}},
    {"Sandu", {}}, {"Țurcanu", {}}, {"Enache", {}}, {"Cristea", {}}, {"Lungu", {}},
};

// ---------------------------------------------------------------- Croatian
constexpr sv kCroatianMale[] = {
    "Ivan", "Marko", "Josip", "Luka", "Ante", "Tomislav", "Stjepan", "Mario", "Nikola",
    "Petar", "Matej", "Filip", "Dario", "Damir", "Krešimir", "Zoran", "Goran", "Hrvoje",
    "Davor", "Željko", "Dražen", "Branimir", "Mihael", "Jakov", "Karlo",
};
constexpr sv kCroatianFemale[] = {
    "Marija", "Ana", "Ivana", "Kata", "Mira", "Nada", "Ljubica", "Katarina", "Marina",
    "Mia", "Lucija", "Petra", "Sara", "Ema", "Nikolina", "Ivona", "Martina", "Maja",
    "Snježana", "Vesna", "Željka", "Dubravka", "Jasna", "Gordana", "Josipa",
};
constexpr Surname kCroatianSurnames[] = {
    {"Horvat", {}}, {"Kovačević", {}}, {"Babić", {}}, {"Marić", {}}, {"Jurić", {}},
    {"Novak", {}}, {"Kovačić", {}}, {"Knežević", {}}, {"Vuković", {}}, {"Marković", {}},
    {"Petrović", {}}, {"Matić", {}}, {"Tomić", {}}, {"Pavlović", {}}, {"Kovač", {}},
    {"Božić", {}}, {"Blažević", {}}, {"Grgić", {}}, {"Pavić", {}}, {"Radić", {}},
    {"Perić", {}}, {"Filipović", {}}, {"Šarić", {}}, {"Lovrić", {}}, {"Vidović", {}},
    {"Perković", {}}, {"Popović", {}}, {"Bošnjak", {}}, {"Jukić", {}}, {"Barišić", {}},
    {"Mikulić", {}}, {"Nikolić", {}}, {"Brkić", {}}, {"Šimić", {}}, {"Lončar", {}},
    {"Đurić", {}},
};

// ---------------------------------------------------------------- Greek (Greek script)
constexpr sv kGreekMale[] = {
    "Γιώργος", "Δημήτρης", "Κωνσταντίνος", "Γιάννης", "Νίκος", "Παναγιώτης", "Βασίλης",
    "Χρήστος", "Αθανάσιος", "Μιχάλης", "Ευάγγελος", "Σπύρος", "Αντώνης", "Ανδρέας",
    "Ηλίας", "Θεόδωρος", "Στέλιος", "Αλέξανδρος", "Πέτρος", "Άγγελος", "Σταύρος",
    "Φώτης", "Μανώλης", "Θανάσης", "Κώστας",
};
constexpr sv kGreekFemale[] = {
    "Μαρία", "Ελένη", "Αικατερίνη", "Βασιλική", "Σοφία", "Αγγελική", "Γεωργία", "Δήμητρα",
    "Κωνσταντίνα", "Ευαγγελία", "Ιωάννα", "Παναγιώτα", "Χριστίνα", "Αναστασία", "Ειρήνη",
    "Δέσποινα", "Αλεξάνδρα", "Νίκη", "Κατερίνα", "Φωτεινή", "Ευτυχία", "Χαρά", "Δανάη",
    "Ζωή", "Θεοδώρα",
};
constexpr Surname kGreekSurnames[] = {
    {"Παπαδόπουλος", "Παπαδοπούλου"}, {"Παπαγεωργίου", {}}, {"Οικονόμου", {}},
    {"Γεωργίου", {}}, {"Παπανικολάου", {}}, {"Βασιλείου", {}}, {"Νικολάου", {}},
    {"Ιωάννου", {}}, {"Δημητρίου", {}}, {"Κωνσταντίνου", {}}, {"Παπαδάκης", "Παπαδάκη"},
    {"Καραγιάννης", "Καραγιάννη"}, {"Αθανασίου", {}}, {"Αντωνίου", {}},
    {"Μαυρίδης", "Μαυρίδου"}, {"Αλεξίου", {}}, {"Πετρόπουλος", "Πετροπούλου"},
    {"Μακρής", "Μακρή"}, {"Αναγνώστου", {}}, {"Χριστοδούλου", {}},
    {"Κωνσταντινίδης", "Κωνσταντινίδου"}, {"Γεωργιάδης", "Γεωργιάδου"},
    {"Θεοδωρόπουλος", "Θεοδωροπούλου"}, {"Λαμπρόπουλος", "Λαμπροπούλου"},
    {"Σταματόπουλος", "Σταματοπούλου"}, {"Κυριακίδης", "Κυριακίδου"}, {"Παππάς", "Παππά"},
    {"Αλεξόπουλος", "Αλεξοπούλου"}, {"Μιχαηλίδης", "Μιχαηλίδου"}, {"Σαββίδης", "Σαββίδου"},
    {"Ζαχαρίου", {}}, {"Βλάχος", "Βλάχου"},
};

// ---------------------------------------------------------------- Turkish
constexpr sv kTurkishMale[] = {
    "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "İsmail", "Osman",
    "Yusuf", "Murat", "Ömer", "Ramazan", "Halil", "Süleyman", "Abdullah", "Emre", "Burak",
    "Can", "Kerem", "Eymen", "Mert", "Ege", "Arda", "Yiğit", "Berk", "Serkan", "Tolga",
    "Barış", "Çağlar",
};
constexpr sv kTurkishFemale[] = {
    "Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife", "Zehra",
    "Sultan", "Hanife", "Merve", "Özlem", "Esra", "Yasemin", "Büşra", "Ebru", "Gül",
    "Derya", "Defne", "Ecrin", "Nehir", "Azra", "Duru", "Sevgi", "Gülşen", "Songül",
    "Dilek", "Melek", "İpek",
};
constexpr Surname kTurkishSurnames[] = {
    {"Yılmaz", {}}, {"Kaya", {}}, {"Demir", {}}, {"Şahin", {}}, {"Çelik", {}},
    {"Yıldız", {}}, {"Yıldırım", {}}, {"Öztürk", {}}, {"Aydın", {}}, {"Özdemir", {}},
    {"Arslan", {}}, {"Doğan", {}}, {"Kılıç", {}}, {"Aslan", {}}, {"Çetin", {}},
    {"Kara", {}}, {"Koç", {}}, {"Kurt", {}}, {"Özkan", {}}, {"Şimşek", {}},
    {"Polat", {}}, {"Özcan", {}}, {"Korkmaz", {}}, {"Çakır", {}}, {"Erdoğan", {}},
    {"Yavuz", {}}, {"Can", {}}, {"Acar", {}}, {"Şen", {}}, {"Aktaş", {}},
    {"Güler", {}}, {"Yalçın", {}}, {"Güneş", {}}, {"Bozkurt", {}}, {"Bulut", {}},
    {"Keskin", {}}, {"Ünal", {}}, {"Turan", {}}, {"Gül", {}}, {"Özer", {}},
};

// ---------------------------------------------------------------- Japanese (passport romanization)
constexpr sv kJapaneseMale[] = {
    "Hiroshi", "Takashi", "Kenji", "Haruto", "Sota", "Yuto", "Daiki", "Ren", "Minato",
    "Riku", "Kaito", "Sho", "Takumi", "Kazuki", "Yusuke", "Naoki", "Akira", "Makoto",
    "Satoshi", "Tetsuya", "Koji", "Shota", "Ryota", "Hayato", "Kenta",
};
constexpr sv kJapaneseFemale[] = {
    "Yuko", "Keiko", "Tomoko", "Akiko", "Naoko", "Yoko", "Yui", "Hina", "Sakura", "Yuna",
    "Aoi", "Mei", "Rin", "Mio", "Haruka", "Emi", "Ayaka", "Misaki", "Nanami", "Kana",
    "Mai", "Saki", "Hikari", "Yumi", "Megumi",
};
constexpr Surname kJapaneseSurnames[] = {
    {"Sato", {}}, {"Suzuki", {}}, {"Takahashi", {}}, {"Tanaka", {}}, {"Watanabe", {}},
    {"Ito", {}}, {"Yamamoto", {}}, {"Nakamura", {}}, {"Kobayashi", {}}, {"Kato", {}},
    {"Yoshida", {}}, {"Yamada", {}}, {"Sasaki", {}}, {"Yamaguchi", {}}, {"Matsumoto", {}},
    {"Inoue", {}}, {"Kimura", {}}, {"Hayashi", {}}, {"Shimizu", {}}, {"Yamazaki", {}},
    {"Mori", {}}, {"Abe", {}}, {"Ikeda", {}}, {"Hashimoto", {}}, {"Yamashita", {}},
    {"Ishikawa", {}}, {"Nakajima", {}}, {"Maeda", {}}, {"Fujita", {}}, {"Ogawa", {}},
    {"Goto", {}}, {"Okada", {}}, {"Hasegawa", {}}, {"Murakami", {}}, {"Kondo", {}},
};

template <std::size_t N>
constexpr uint16_t count(const Surname (&)[N]) {
    static_assert(N > 0 && N <= kMaxRankedList, "surname list too long for the weight tables");
    return static_cast<uint16_t>(N);
}

#define CONTACTS_CULTURE(code, Name) \
    NameCulture { code, ranked(k##Name##Male), ranked(k##Name##Female), k##Name##Surnames, count(k##Name##Surnames) }

}  // namespace

// Order matches enum Culture.
const NameCulture kCultures[kCultureCount] = {
    CONTACTS_CULTURE("de", German),     CONTACTS_CULTURE("fr", French),
    CONTACTS_CULTURE("es", Spanish),    CONTACTS_CULTURE("it", Italian),
    CONTACTS_CULTURE("pt", Portuguese), CONTACTS_CULTURE("nl", Dutch),
    CONTACTS_CULTURE("en", English),    CONTACTS_CULTURE("ga", Irish),
    CONTACTS_CULTURE("sv", Swedish),    CONTACTS_CULTURE("no", Norwegian),
    CONTACTS_CULTURE("da", Danish),     CONTACTS_CULTURE("fi", Finnish),
    CONTACTS_CULTURE("is", Icelandic),  CONTACTS_CULTURE("pl", Polish),
    CONTACTS_CULTURE("cs", Czech),      CONTACTS_CULTURE("hu", Hungarian),
    CONTACTS_CULTURE("ro", Romanian),   CONTACTS_CULTURE("hr", Croatian),
    CONTACTS_CULTURE("el", Greek),      CONTACTS_CULTURE("tr", Turkish),
    CONTACTS_CULTURE("ja", Japanese),
};

#undef CONTACTS_CULTURE

}  // namespace contacts::core::gendata
