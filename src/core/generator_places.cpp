// Countries (as language regions), their real cities in native spelling, and
// the postal-code and phone-number patterns of each country, for
// generate_contact(). The pattern language is described in generator_data.hpp.
//
// Each list starts with the region's largest cities: they get a higher weight
// (see CityTiers in generator_data.hpp), so a country's share of contacts grows
// with its number of cities here (the USA and Germany have the most, Iceland
// the fewest) and a big city is ~4 times as common as a small one. City names
// are the official local ones (München, Kraków, São Paulo, Genève,
// Bruxelles/Antwerpen by language region); Greek cities are in Greek script,
// Japanese cities in the usual romanization without macrons.
#include "core/generator_data.hpp"

#include "core/no_postgres.hpp"

namespace contacts::core::gendata {
namespace {

using sv = std::string_view;


// ======================================================================
// Postal-code and phone patterns per country.
// ======================================================================

constexpr sv kPostal5[] = {"Cc###"};            // DE, FR, ES, IT, US, MX, HR, TR, FI
constexpr sv kPostal4[] = {"Cc##"};             // AT, CH, BE, DK, NO, HU, AU
constexpr sv kPostalSpaced5[] = {"Cc# ##"};     // SE, CZ, GR
constexpr sv kPostalUK[] = {"@N #AA", "@N# #AA"};
constexpr sv kPostalIE[] = {"Lcc A###", "Lcc AA##"};  // Eircode
constexpr sv kPostalNL[] = {"Cc## AA"};
constexpr sv kPostalCA[] = {"@#K #K#"};
constexpr sv kPostalPL[] = {"Cc-###"};
constexpr sv kPostalPT[] = {"Cc##-###"};
constexpr sv kPostalBR[] = {"Cc###-###"};
constexpr sv kPostalJP[] = {"Cc#-####"};
constexpr sv kPostalAR[] = {"LCc##"};
constexpr sv kPostal6[] = {"Cc####"};           // RO, CO
constexpr sv kPostalCL[] = {"Cc#####"};
constexpr sv kPostalIS[] = {"C##"};

constexpr sv kPhoneDE[] = {"+49 Cc #######", "+49 Ccc ########", "+49 Cccc ######"};
constexpr sv kMobileDE[] = {"+49 151 ########", "+49 160 #######", "+49 17# #######"};
constexpr sv kPhoneAT[] = {"+43 C ### ####", "+43 Ccc ######"};
constexpr sv kMobileAT[] = {"+43 66# #######", "+43 676 #######"};
constexpr sv kPhoneCH[] = {"+41 Cc ### ## ##"};
constexpr sv kMobileCH[] = {"+41 7N ### ## ##"};
constexpr sv kPhoneFR[] = {"+33 1 ## ## ## ##", "+33 2 ## ## ## ##", "+33 3 ## ## ## ##",
                           "+33 4 ## ## ## ##", "+33 5 ## ## ## ##"};
constexpr sv kMobileFR[] = {"+33 6 ## ## ## ##", "+33 7 ## ## ## ##"};
constexpr sv kPhoneBE[] = {"+32 C ### ## ##", "+32 Cc ## ## ##"};
constexpr sv kMobileBE[] = {"+32 47# ## ## ##", "+32 48# ## ## ##", "+32 49# ## ## ##"};
constexpr sv kPhoneNL[] = {"+31 Cc ### ####", "+31 Ccc ######"};
constexpr sv kMobileNL[] = {"+31 6 ########"};
constexpr sv kPhoneES[] = {"+34 9Cc ### ###"};
constexpr sv kMobileES[] = {"+34 6## ### ###", "+34 7## ### ###"};
constexpr sv kPhonePT[] = {"+351 2Cc ### ###"};
constexpr sv kMobilePT[] = {"+351 91# ### ###", "+351 93# ### ###", "+351 96# ### ###"};
constexpr sv kPhoneIT[] = {"+39 0Cc #######", "+39 0C ########"};
constexpr sv kMobileIT[] = {"+39 3N# ### ####"};
constexpr sv kPhoneUK[] = {"+44 1Cc ### ####", "+44 1Ccc ######", "+44 20 #### ####"};
constexpr sv kMobileUK[] = {"+44 7N## ######"};
constexpr sv kPhoneIE[] = {"+353 C ### ####", "+353 Cc ### ####"};
constexpr sv kMobileIE[] = {"+353 83 ### ####", "+353 85 ### ####", "+353 86 ### ####",
                            "+353 87 ### ####", "+353 89 ### ####"};
constexpr sv kPhoneSE[] = {"+46 C ### ## ##", "+46 Cc ### ## ##"};
constexpr sv kMobileSE[] = {"+46 70 ### ## ##", "+46 72 ### ## ##", "+46 73 ### ## ##",
                            "+46 76 ### ## ##"};
constexpr sv kPhoneNO[] = {"+47 Cc ## ## ##"};
constexpr sv kMobileNO[] = {"+47 4## ## ###", "+47 9## ## ###"};
constexpr sv kPhoneDK[] = {"+45 Cc ## ## ##"};
constexpr sv kMobileDK[] = {"+45 2# ## ## ##", "+45 3# ## ## ##", "+45 5# ## ## ##"};
constexpr sv kPhoneFI[] = {"+358 C ### ####", "+358 Cc ### ####"};
constexpr sv kMobileFI[] = {"+358 40 ### ####", "+358 44 ### ####", "+358 50 ### ####"};
constexpr sv kPhoneIS[] = {"+354 4## ####", "+354 5## ####"};
constexpr sv kMobileIS[] = {"+354 6## ####", "+354 7## ####", "+354 8## ####"};
constexpr sv kPhonePL[] = {"+48 Cc ### ## ##"};
constexpr sv kMobilePL[] = {"+48 5## ### ###", "+48 6## ### ###", "+48 7## ### ###",
                            "+48 88# ### ###"};
constexpr sv kPhoneCZ[] = {"+420 Cc# ### ###"};
constexpr sv kMobileCZ[] = {"+420 60# ### ###", "+420 7N# ### ###"};
constexpr sv kPhoneHU[] = {"+36 1 ### ####", "+36 Cc ### ###"};
constexpr sv kMobileHU[] = {"+36 20 ### ####", "+36 30 ### ####", "+36 70 ### ####"};
constexpr sv kPhoneRO[] = {"+40 21 ### ####", "+40 2Cc ### ###"};
constexpr sv kMobileRO[] = {"+40 7N# ### ###"};
constexpr sv kPhoneHR[] = {"+385 1 ### ####", "+385 Cc ### ###"};
constexpr sv kMobileHR[] = {"+385 91 ### ####", "+385 92 ### ####", "+385 95 ### ####",
                            "+385 98 ### ####", "+385 99 ### ####"};
constexpr sv kPhoneGR[] = {"+30 21# ### ####", "+30 2Cc# ######"};
constexpr sv kMobileGR[] = {"+30 69# ### ####"};
constexpr sv kPhoneTR[] = {"+90 2Cc ### ## ##", "+90 3Cc ### ## ##", "+90 4Cc ### ## ##"};
constexpr sv kMobileTR[] = {"+90 5N# ### ## ##"};
constexpr sv kPhoneNANP[] = {"+1 Dcc-N##-####"};  // USA and Canada
constexpr sv kPhoneMX[] = {"+52 Cc #### ####", "+52 Ccc ### ####"};
constexpr sv kPhoneBR[] = {"+55 Cc ####-####"};
constexpr sv kMobileBR[] = {"+55 Cc 9####-####"};
constexpr sv kPhoneAR[] = {"+54 Cc ####-####", "+54 Ccc ###-####"};
constexpr sv kMobileAR[] = {"+54 9 Cc ####-####"};
constexpr sv kPhoneCO[] = {"+57 60C #######"};
constexpr sv kMobileCO[] = {"+57 30# #######", "+57 31# #######", "+57 32# #######"};
constexpr sv kPhoneCL[] = {"+56 2 2### ####", "+56 Cc ### ####"};
constexpr sv kMobileCL[] = {"+56 9 #### ####"};
constexpr sv kPhoneJP[] = {"+81 C-####-####", "+81 Cc-###-####", "+81 Ccc-##-####"};
constexpr sv kMobileJP[] = {"+81 70-####-####", "+81 80-####-####", "+81 90-####-####"};
constexpr sv kPhoneAU[] = {"+61 2 #### ####", "+61 3 #### ####", "+61 7 #### ####",
                           "+61 8 #### ####"};
constexpr sv kMobileAU[] = {"+61 4## ### ###"};

// ======================================================================
// Cities.
// ======================================================================

constexpr sv kGermanyCities[] = {
    "Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf",
    "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg",
    "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Mannheim", "Karlsruhe",
    "Augsburg", "Wiesbaden", "Mönchengladbach", "Gelsenkirchen", "Aachen", "Braunschweig",
    "Kiel", "Chemnitz", "Halle (Saale)", "Magdeburg", "Freiburg im Breisgau", "Krefeld",
    "Mainz", "Lübeck", "Erfurt", "Oberhausen", "Rostock", "Kassel", "Hagen", "Potsdam",
    "Saarbrücken", "Hamm", "Ludwigshafen am Rhein", "Oldenburg", "Mülheim an der Ruhr",
    "Osnabrück", "Leverkusen", "Darmstadt", "Heidelberg", "Solingen", "Herne", "Neuss",
    "Regensburg", "Paderborn", "Ingolstadt", "Offenbach am Main", "Würzburg", "Fürth",
    "Ulm", "Heilbronn", "Pforzheim", "Wolfsburg", "Göttingen", "Bottrop", "Reutlingen",
    "Koblenz", "Bremerhaven", "Recklinghausen", "Erlangen", "Bergisch Gladbach", "Remscheid",
    "Jena", "Trier", "Salzgitter", "Moers", "Siegen", "Gütersloh", "Hildesheim", "Cottbus",
    "Kaiserslautern", "Witten", "Schwerin", "Esslingen am Neckar", "Gera", "Lüneburg",
    "Görlitz", "Bamberg", "Passau", "Konstanz", "Tübingen", "Flensburg", "Weimar",
};

constexpr sv kAustriaCities[] = {
    "Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt am Wörthersee", "Villach",
    "Wels", "Sankt Pölten", "Dornbirn", "Wiener Neustadt", "Steyr", "Feldkirch", "Bregenz",
    "Leonding", "Klosterneuburg", "Baden", "Wolfsberg", "Leoben", "Krems an der Donau",
    "Traun", "Amstetten", "Lustenau", "Kapfenberg", "Mödling", "Hallein", "Kufstein",
    "Traiskirchen", "Schwechat", "Braunau am Inn", "Stockerau", "Tulln an der Donau",
    "Hohenems", "Spittal an der Drau", "Telfs", "Bludenz", "Bad Ischl", "Eisenstadt",
    "Schwaz", "Hall in Tirol", "Gmunden", "Wörgl", "Bruck an der Mur", "Vöcklabruck",
    "Lienz",
};

constexpr sv kSwissGermanCities[] = {
    "Zürich", "Basel", "Bern", "Winterthur", "Luzern", "St. Gallen", "Biel/Bienne", "Thun",
    "Köniz", "Schaffhausen", "Chur", "Uster", "Emmen", "Zug", "Kriens", "Rapperswil-Jona",
    "Dübendorf", "Dietikon", "Baar", "Wetzikon", "Riehen", "Wädenswil", "Allschwil",
    "Kreuzlingen", "Aarau", "Frauenfeld", "Olten", "Solothurn", "Wil", "Baden", "Herisau",
    "Davos",
};

constexpr sv kSwissFrenchCities[] = {
    "Genève", "Lausanne", "La Chaux-de-Fonds", "Fribourg", "Vernier", "Neuchâtel", "Sion",
    "Lancy", "Yverdon-les-Bains", "Montreux", "Renens", "Carouge", "Nyon", "Vevey",
    "Sierre", "Martigny", "Delémont", "Morges",
};

constexpr sv kSwissItalianCities[] = {
    "Lugano", "Bellinzona", "Locarno", "Mendrisio", "Chiasso", "Minusio",
};

constexpr sv kFranceCities[] = {
    "Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Montpellier", "Strasbourg",
    "Bordeaux", "Lille", "Rennes", "Reims", "Toulon", "Saint-Étienne", "Le Havre",
    "Grenoble", "Dijon", "Angers", "Nîmes", "Villeurbanne", "Clermont-Ferrand", "Le Mans",
    "Aix-en-Provence", "Brest", "Tours", "Amiens", "Limoges", "Annecy", "Perpignan",
    "Boulogne-Billancourt", "Metz", "Besançon", "Orléans", "Saint-Denis", "Argenteuil",
    "Rouen", "Mulhouse", "Montreuil", "Caen", "Nancy", "Tourcoing", "Roubaix", "Nanterre",
    "Vitry-sur-Seine", "Avignon", "Créteil", "Poitiers", "Aubervilliers", "Versailles",
    "Colombes", "Pau", "Asnières-sur-Seine", "Courbevoie", "Rueil-Malmaison", "La Rochelle",
    "Antibes", "Béziers", "Saint-Maur-des-Fossés", "Cannes", "Calais", "Saint-Nazaire",
    "Colmar", "Bourges", "Mérignac", "Ajaccio", "Quimper", "Valence", "Troyes", "Chambéry",
    "Niort", "Lorient", "Montauban", "Sète", "Épinal", "Évreux", "Châteauroux", "Bayonne",
    "Vannes", "Arles", "Fréjus", "Beauvais", "Cholet", "Cergy", "Levallois-Perret",
    "Issy-les-Moulineaux", "Villeneuve-d'Ascq", "Hyères", "Narbonne", "Saint-Malo", "Albi",
    "Carcassonne", "Périgueux",
};

constexpr sv kBelgiumDutchCities[] = {
    "Antwerpen", "Gent", "Brugge", "Leuven", "Mechelen", "Aalst", "Hasselt", "Kortrijk",
    "Sint-Niklaas", "Oostende", "Genk", "Roeselare", "Turnhout", "Dendermonde", "Beveren",
    "Lokeren", "Vilvoorde", "Herentals", "Lier", "Ieper", "Knokke-Heist", "Geel", "Tienen",
    "Halle",
};

constexpr sv kBelgiumFrenchCities[] = {
    "Bruxelles", "Liège", "Charleroi", "Namur", "Mons", "La Louvière", "Tournai", "Seraing",
    "Verviers", "Mouscron", "Arlon", "Wavre", "Ottignies-Louvain-la-Neuve", "Huy",
    "Nivelles", "Spa", "Dinant", "Bastogne", "Waterloo", "Binche", "Ixelles", "Schaerbeek",
    "Anderlecht", "Uccle",
};

constexpr sv kNetherlandsCities[] = {
    "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg",
    "Almere", "Breda", "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem", "Enschede",
    "Amersfoort", "Zaanstad", "'s-Hertogenbosch", "Zwolle", "Leiden", "Maastricht",
    "Dordrecht", "Zoetermeer", "Ede", "Deventer", "Delft", "Alkmaar", "Heerlen", "Venlo",
    "Leeuwarden", "Hilversum", "Amstelveen", "Hengelo", "Roosendaal", "Purmerend", "Oss",
    "Schiedam", "Spijkenisse", "Helmond", "Vlaardingen", "Gouda", "Zeist", "Middelburg",
    "Assen", "Emmen", "Den Helder", "Lelystad", "Veenendaal", "Katwijk", "Harderwijk",
    "Sneek",
};

constexpr sv kSpainCities[] = {
    "Madrid", "Barcelona", "València", "Sevilla", "Zaragoza", "Málaga", "Murcia", "Palma",
    "Las Palmas de Gran Canaria", "Bilbao", "Alicante", "Córdoba", "Valladolid", "Vigo",
    "Gijón", "L'Hospitalet de Llobregat", "Vitoria-Gasteiz", "A Coruña", "Elche", "Granada",
    "Terrassa", "Badalona", "Oviedo", "Cartagena", "Sabadell", "Jerez de la Frontera",
    "Móstoles", "Santa Cruz de Tenerife", "Pamplona", "Almería", "Alcalá de Henares",
    "Fuenlabrada", "Leganés", "San Sebastián", "Getafe", "Burgos", "Albacete", "Santander",
    "Castellón de la Plana", "Alcorcón", "San Cristóbal de La Laguna", "Logroño", "Badajoz",
    "Salamanca", "Huelva", "Marbella", "Lleida", "Tarragona", "León", "Cádiz", "Jaén",
    "Ourense", "Girona", "Lugo", "Cáceres", "Santiago de Compostela", "Toledo", "Segovia",
    "Ávila", "Cuenca", "Teruel", "Zamora", "Palencia", "Huesca", "Soria", "Ciudad Real",
    "Guadalajara", "Pontevedra", "Ferrol",
};

constexpr sv kPortugalCities[] = {
    "Lisboa", "Porto", "Vila Nova de Gaia", "Amadora", "Braga", "Funchal", "Coimbra",
    "Setúbal", "Almada", "Agualva-Cacém", "Queluz", "Rio Tinto", "Barreiro", "Aveiro",
    "Viseu", "Leiria", "Odivelas", "Guimarães", "Faro", "Évora", "Matosinhos",
    "Póvoa de Varzim", "Viana do Castelo", "Portimão", "Vila Real", "Castelo Branco",
    "Bragança", "Beja", "Santarém", "Covilhã", "Figueira da Foz", "Ponta Delgada",
    "Torres Vedras", "Cascais", "Sintra", "Oeiras", "Loulé", "Albufeira", "Lagos", "Guarda",
    "Portalegre", "Tomar", "Espinho", "Ovar", "Chaves",
};

constexpr sv kBrazilCities[] = {
    "São Paulo", "Rio de Janeiro", "Brasília", "Salvador", "Fortaleza", "Belo Horizonte",
    "Manaus", "Curitiba", "Recife", "Goiânia", "Belém", "Porto Alegre", "Guarulhos",
    "Campinas", "São Luís", "São Gonçalo", "Maceió", "Duque de Caxias", "Campo Grande",
    "Natal", "Teresina", "São Bernardo do Campo", "Nova Iguaçu", "João Pessoa",
    "Santo André", "Osasco", "São José dos Campos", "Jaboatão dos Guararapes",
    "Ribeirão Preto", "Uberlândia", "Contagem", "Sorocaba", "Aracaju", "Feira de Santana",
    "Cuiabá", "Joinville", "Juiz de Fora", "Londrina", "Aparecida de Goiânia", "Niterói",
    "Ananindeua", "Porto Velho", "Caxias do Sul", "Macapá", "Florianópolis", "Vila Velha",
    "Mauá", "São João de Meriti", "Santos", "Mogi das Cruzes", "Betim", "Diadema",
    "Campina Grande", "Jundiaí", "Maringá", "Montes Claros", "Piracicaba", "Carapicuíba",
    "Olinda", "Cariacica", "Rio Branco", "Anápolis", "Bauru", "Vitória", "Caucaia",
    "Itaquaquecetuba", "São Vicente", "Caruaru", "Vitória da Conquista", "Blumenau",
    "Pelotas", "Petrópolis", "Ponta Grossa", "Boa Vista", "Palmas", "Foz do Iguaçu",
};

constexpr sv kItalyCities[] = {
    "Roma", "Milano", "Napoli", "Torino", "Palermo", "Genova", "Bologna", "Firenze", "Bari",
    "Catania", "Verona", "Venezia", "Messina", "Padova", "Trieste", "Parma", "Brescia",
    "Prato", "Taranto", "Modena", "Reggio Calabria", "Reggio Emilia", "Perugia", "Ravenna",
    "Livorno", "Rimini", "Cagliari", "Foggia", "Ferrara", "Salerno", "Latina",
    "Giugliano in Campania", "Monza", "Sassari", "Bergamo", "Pescara", "Trento", "Forlì",
    "Siracusa", "Vicenza", "Terni", "Bolzano", "Novara", "Piacenza", "Ancona", "Andria",
    "Udine", "Arezzo", "Cesena", "Lecce", "Pesaro", "La Spezia", "Como", "Pisa", "Lucca",
    "Siena", "Varese", "Treviso", "Asti", "Cremona", "Pavia", "Mantova", "Caserta",
    "Brindisi", "Catanzaro", "Cosenza", "Potenza", "Matera", "Aosta", "L'Aquila",
    "Campobasso", "Sanremo", "Savona", "Alessandria", "Cuneo",
};

constexpr sv kUKCities[] = {
    "London", "Birmingham", "Manchester", "Glasgow", "Liverpool", "Leeds", "Sheffield",
    "Edinburgh", "Bristol", "Cardiff", "Leicester", "Coventry", "Bradford", "Belfast",
    "Nottingham", "Kingston upon Hull", "Newcastle upon Tyne", "Stoke-on-Trent",
    "Southampton", "Derby", "Portsmouth", "Brighton", "Plymouth", "Northampton", "Reading",
    "Luton", "Wolverhampton", "Bolton", "Aberdeen", "Bournemouth", "Norwich", "Swindon",
    "Swansea", "Milton Keynes", "Southend-on-Sea", "Middlesbrough", "Sunderland",
    "Peterborough", "Warrington", "Oxford", "Huddersfield", "Slough", "York", "Cambridge",
    "Dundee", "Ipswich", "Exeter", "Gloucester", "Blackpool", "Preston", "Inverness",
    "Stirling", "Bath", "Canterbury", "Chester", "Lincoln", "Worcester", "Carlisle",
    "Durham", "Salisbury", "Winchester", "Newport", "Wrexham", "Derry", "Lisburn", "Perth",
    "Colchester", "Guildford", "Watford", "Crawley", "Maidstone", "Harrogate", "Blackburn",
    "Darlington", "Wigan", "Stockport", "Doncaster", "Wakefield", "Telford", "Hereford",
    "Shrewsbury", "Taunton", "Truro", "Torquay", "Kilmarnock", "Paisley", "Dumfries",
    "Kirkcaldy", "Bangor", "Halifax", "Oldham", "Croydon", "Chelmsford", "Lerwick",
};
// Postcode area of each UK city, in the same order.
constexpr sv kUKPostcodeAreas[] = {
    "SW", "B", "M", "G", "L", "LS", "S",
    "EH", "BS", "CF", "LE", "CV", "BD", "BT",
    "NG", "HU", "NE", "ST",
    "SO", "DE", "PO", "BN", "PL", "NN", "RG",
    "LU", "WV", "BL", "AB", "BH", "NR", "SN",
    "SA", "MK", "SS", "TS", "SR",
    "PE", "WA", "OX", "HD", "SL", "YO", "CB",
    "DD", "IP", "EX", "GL", "FY", "PR", "IV",
    "FK", "BA", "CT", "CH", "LN", "WR", "CA",
    "DH", "SP", "SO", "NP", "LL", "BT", "BT", "PH",
    "CO", "GU", "WD", "RH", "ME", "HG", "BB",
    "DL", "WN", "SK", "DN", "WF", "TF", "HR",
    "SY", "TA", "TR", "TQ", "KA", "PA", "DG",
    "KY", "LL", "HX", "OL", "CR", "CM", "ZE",
};
static_assert(std::size(kUKCities) == std::size(kUKPostcodeAreas), "one postcode area per UK city");

constexpr sv kIrelandCities[] = {
    "Dublin", "Cork", "Limerick", "Galway", "Waterford", "Drogheda", "Swords", "Dundalk",
    "Bray", "Navan", "Kilkenny", "Ennis", "Carlow", "Tralee", "Newbridge", "Portlaoise",
    "Balbriggan", "Naas", "Athlone", "Mullingar", "Celbridge", "Wexford", "Letterkenny",
    "Sligo", "Clonmel", "Greystones", "Castlebar", "Tullamore", "Killarney", "Arklow",
    "Cobh", "Ballina", "Dún Laoghaire", "Maynooth", "Longford", "Cavan", "Monaghan",
    "Westport", "Kinsale",
};

constexpr sv kSwedenCities[] = {
    "Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping",
    "Helsingborg", "Jönköping", "Norrköping", "Lund", "Umeå", "Gävle", "Borås", "Södertälje",
    "Eskilstuna", "Halmstad", "Växjö", "Karlstad", "Sundsvall", "Östersund", "Trollhättan",
    "Luleå", "Kalmar", "Kristianstad", "Skövde", "Falun", "Ängelholm", "Visby", "Kiruna",
    "Karlskrona", "Nyköping", "Varberg", "Skellefteå", "Uddevalla", "Motala", "Borlänge",
    "Landskrona", "Örnsköldsvik", "Trelleborg",
};

constexpr sv kNorwayCities[] = {
    "Oslo", "Bergen", "Trondheim", "Stavanger", "Drammen", "Fredrikstad", "Kristiansand",
    "Sandnes", "Tromsø", "Sarpsborg", "Skien", "Ålesund", "Sandefjord", "Haugesund",
    "Tønsberg", "Moss", "Porsgrunn", "Bodø", "Arendal", "Hamar", "Larvik", "Halden",
    "Lillehammer", "Molde", "Harstad", "Gjøvik", "Kongsberg", "Horten", "Narvik", "Alta",
    "Hønefoss", "Elverum", "Steinkjer", "Kristiansund", "Førde", "Mo i Rana",
};

constexpr sv kDenmarkCities[] = {
    "København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Randers", "Kolding", "Horsens",
    "Vejle", "Roskilde", "Herning", "Hørsholm", "Helsingør", "Silkeborg", "Næstved",
    "Fredericia", "Viborg", "Køge", "Holstebro", "Taastrup", "Slagelse", "Hillerød",
    "Sønderborg", "Svendborg", "Hjørring", "Frederikshavn", "Nørresundby", "Ringsted",
    "Haderslev", "Skive", "Ølstykke", "Frederiksberg", "Nykøbing Falster", "Aabenraa",
    "Middelfart", "Thisted", "Rønne", "Tønder", "Ribe", "Skagen",
};

constexpr sv kFinlandCities[] = {
    "Helsinki", "Espoo", "Tampere", "Vantaa", "Oulu", "Turku", "Jyväskylä", "Kuopio",
    "Lahti", "Pori", "Kouvola", "Joensuu", "Lappeenranta", "Hämeenlinna", "Vaasa",
    "Seinäjoki", "Rovaniemi", "Mikkeli", "Kotka", "Salo", "Porvoo", "Kokkola", "Hyvinkää",
    "Lohja", "Järvenpää", "Rauma", "Kajaani", "Kerava", "Savonlinna", "Nokia", "Ylöjärvi",
    "Kangasala", "Riihimäki", "Raahe", "Imatra", "Tornio", "Iisalmi", "Valkeakoski", "Kemi",
    "Mariehamn",
};

constexpr sv kIcelandCities[] = {
    "Reykjavík", "Kópavogur", "Hafnarfjörður", "Akureyri", "Reykjanesbær", "Garðabær",
    "Mosfellsbær", "Selfoss", "Akranes", "Vestmannaeyjar", "Ísafjörður", "Egilsstaðir",
    "Húsavík", "Sauðárkrókur", "Borgarnes", "Grindavík", "Hveragerði",
};

constexpr sv kPolandCities[] = {
    "Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk", "Szczecin", "Bydgoszcz",
    "Lublin", "Białystok", "Katowice", "Gdynia", "Częstochowa", "Radom", "Toruń",
    "Sosnowiec", "Rzeszów", "Kielce", "Gliwice", "Olsztyn", "Zabrze", "Bielsko-Biała",
    "Bytom", "Zielona Góra", "Rybnik", "Ruda Śląska", "Opole", "Tychy",
    "Gorzów Wielkopolski", "Elbląg", "Płock", "Dąbrowa Górnicza", "Wałbrzych", "Włocławek",
    "Tarnów", "Chorzów", "Koszalin", "Kalisz", "Legnica", "Grudziądz", "Słupsk", "Jaworzno",
    "Jastrzębie-Zdrój", "Nowy Sącz", "Jelenia Góra", "Siedlce", "Mysłowice", "Konin", "Piła",
    "Piotrków Trybunalski", "Inowrocław", "Lubin", "Ostrów Wielkopolski", "Suwałki",
    "Stargard", "Gniezno", "Głogów", "Zamość", "Przemyśl", "Łomża", "Zakopane", "Sopot",
};

constexpr sv kCzechiaCities[] = {
    "Praha", "Brno", "Ostrava", "Plzeň", "Liberec", "Olomouc", "České Budějovice",
    "Hradec Králové", "Ústí nad Labem", "Pardubice", "Zlín", "Havířov", "Kladno", "Most",
    "Opava", "Frýdek-Místek", "Karviná", "Jihlava", "Teplice", "Děčín", "Karlovy Vary",
    "Chomutov", "Jablonec nad Nisou", "Mladá Boleslav", "Prostějov", "Přerov",
    "Česká Lípa", "Třebíč", "Třinec", "Tábor", "Znojmo", "Kolín", "Příbram", "Cheb", "Písek",
    "Trutnov", "Kroměříž", "Orlová", "Vsetín", "Šumperk", "Uherské Hradiště", "Břeclav",
    "Hodonín", "Český Těšín", "Litoměřice", "Nový Jičín", "Chrudim", "Havlíčkův Brod",
    "Český Krumlov", "Kutná Hora",
};

constexpr sv kHungaryCities[] = {
    "Budapest", "Debrecen", "Szeged", "Miskolc", "Pécs", "Győr", "Nyíregyháza", "Kecskemét",
    "Székesfehérvár", "Szombathely", "Szolnok", "Tatabánya", "Kaposvár", "Érd", "Veszprém",
    "Békéscsaba", "Zalaegerszeg", "Sopron", "Eger", "Nagykanizsa", "Dunaújváros",
    "Hódmezővásárhely", "Cegléd", "Baja", "Salgótarján", "Szekszárd", "Gödöllő", "Vác",
    "Pápa", "Esztergom", "Siófok", "Keszthely", "Jászberény", "Gyöngyös",
    "Kiskunfélegyháza",
};

constexpr sv kRomaniaCities[] = {
    "București", "Cluj-Napoca", "Timișoara", "Iași", "Constanța", "Craiova", "Brașov",
    "Galați", "Ploiești", "Oradea", "Brăila", "Arad", "Pitești", "Sibiu", "Bacău",
    "Târgu Mureș", "Baia Mare", "Buzău", "Botoșani", "Satu Mare", "Râmnicu Vâlcea",
    "Drobeta-Turnu Severin", "Suceava", "Piatra Neamț", "Târgu Jiu", "Târgoviște",
    "Focșani", "Bistrița", "Reșița", "Tulcea", "Slatina", "Călărași", "Alba Iulia",
    "Giurgiu", "Deva", "Hunedoara", "Zalău", "Sfântu Gheorghe", "Bârlad", "Vaslui", "Mediaș",
    "Sighișoara",
};

constexpr sv kCroatiaCities[] = {
    "Zagreb", "Split", "Rijeka", "Osijek", "Zadar", "Velika Gorica", "Slavonski Brod",
    "Pula", "Karlovac", "Sisak", "Varaždin", "Šibenik", "Dubrovnik", "Bjelovar", "Kaštela",
    "Samobor", "Vinkovci", "Koprivnica", "Đakovo", "Vukovar", "Čakovec", "Požega",
    "Zaprešić", "Sinj", "Solin", "Poreč", "Rovinj", "Makarska", "Trogir", "Virovitica",
    "Gospić", "Knin", "Opatija", "Krk", "Metković",
};

constexpr sv kGreeceCities[] = {
    "Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο", "Λάρισα", "Βόλος", "Ιωάννινα", "Τρίκαλα",
    "Χαλκίδα", "Σέρρες", "Αλεξανδρούπολη", "Ξάνθη", "Κατερίνη", "Καλαμάτα", "Καβάλα",
    "Χανιά", "Λαμία", "Κομοτηνή", "Ρόδος", "Αγρίνιο", "Δράμα", "Βέροια", "Κοζάνη",
    "Καρδίτσα", "Ρέθυμνο", "Πτολεμαΐδα", "Τρίπολη", "Κόρινθος", "Γιαννιτσά", "Πύργος",
    "Πειραιάς", "Κέρκυρα",
};

constexpr sv kTurkeyCities[] = {
    "İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Konya", "Adana", "Şanlıurfa",
    "Gaziantep", "İzmit", "Mersin", "Diyarbakır", "Antakya", "Kayseri", "Eskişehir",
    "Samsun", "Denizli", "Malatya", "Kahramanmaraş", "Erzurum", "Van", "Batman", "Elazığ",
    "Sivas", "Manisa", "Trabzon", "Balıkesir", "Adapazarı", "Kütahya", "Tekirdağ", "Çorum",
    "Aydın", "Isparta", "Uşak", "Edirne", "Çanakkale", "Muğla", "Bodrum", "Rize",
    "Zonguldak", "Afyonkarahisar", "Düzce", "Ordu", "Giresun", "Tokat", "Karabük",
    "Kırıkkale", "Nevşehir", "Alanya",
};

constexpr sv kUSCities[] = {
    "New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia",
    "San Antonio", "San Diego", "Dallas", "San Jose", "Austin", "Jacksonville", "Fort Worth",
    "Columbus", "Charlotte", "Indianapolis", "San Francisco", "Seattle", "Denver",
    "Oklahoma City", "Nashville", "Washington", "El Paso", "Las Vegas", "Boston", "Detroit",
    "Portland", "Louisville", "Memphis", "Baltimore", "Milwaukee", "Albuquerque", "Tucson",
    "Fresno", "Sacramento", "Mesa", "Kansas City", "Atlanta", "Omaha", "Colorado Springs",
    "Raleigh", "Long Beach", "Virginia Beach", "Miami", "Oakland", "Minneapolis", "Tulsa",
    "Bakersfield", "Wichita", "Arlington", "Aurora", "Tampa", "New Orleans", "Cleveland",
    "Honolulu", "Anaheim", "Lexington", "Stockton", "Corpus Christi", "Henderson",
    "Riverside", "Newark", "Saint Paul", "Santa Ana", "Cincinnati", "Irvine", "Orlando",
    "Pittsburgh", "St. Louis", "Greensboro", "Jersey City", "Anchorage", "Lincoln", "Plano",
    "Durham", "Buffalo", "Chandler", "Chula Vista", "Toledo", "Madison", "Gilbert", "Reno",
    "Fort Wayne", "North Las Vegas", "St. Petersburg", "Lubbock", "Irving", "Laredo",
    "Winston-Salem", "Chesapeake", "Glendale", "Garland", "Scottsdale", "Norfolk", "Boise",
    "Fremont", "Spokane", "Santa Fe", "Savannah", "Charleston", "Salt Lake City",
    "Des Moines", "Providence", "Hartford", "Burlington", "Springfield", "Rochester",
    "Syracuse", "Albany", "Richmond", "Birmingham", "Little Rock", "Jackson", "Baton Rouge",
    "Knoxville", "Chattanooga", "Tallahassee", "Montgomery", "Mobile", "Ann Arbor",
    "Boulder", "Eugene",
};

constexpr sv kCanadaEnglishCities[] = {
    "Toronto", "Calgary", "Ottawa", "Edmonton", "Winnipeg", "Mississauga", "Vancouver",
    "Brampton", "Hamilton", "Surrey", "Halifax", "London", "Markham", "Vaughan",
    "Kitchener", "Windsor", "Regina", "Richmond", "Oakville", "Burlington", "Saskatoon",
    "Oshawa", "Barrie", "St. Catharines", "Cambridge", "Kingston", "Guelph", "Kelowna",
    "Abbotsford", "Victoria", "St. John's", "Moncton", "Fredericton", "Charlottetown",
    "Thunder Bay", "Sudbury", "Whitehorse", "Yellowknife", "Red Deer", "Lethbridge",
    "Nanaimo", "Kamloops",
};

constexpr sv kCanadaFrenchCities[] = {
    "Montréal", "Québec", "Laval", "Gatineau", "Longueuil", "Sherbrooke", "Lévis",
    "Saguenay", "Trois-Rivières", "Terrebonne", "Saint-Jean-sur-Richelieu", "Repentigny",
    "Drummondville", "Saint-Jérôme", "Granby", "Blainville", "Rimouski", "Shawinigan",
    "Victoriaville", "Rouyn-Noranda",
};
// First letter of the postal codes (forward sortation area) of each city.
constexpr sv kCanadaEnglishLetters[] = {
    "M", "T", "K", "T", "R", "L", "V",
    "L", "L", "V", "B", "N", "L", "L",
    "N", "N", "S", "V", "L", "L", "S",
    "L", "L", "L", "N", "K", "N", "V",
    "V", "V", "A", "E", "E", "C",
    "P", "P", "Y", "X", "T", "T",
    "V", "V",
};
static_assert(std::size(kCanadaEnglishCities) == std::size(kCanadaEnglishLetters), "one letter per city");
constexpr sv kCanadaFrenchLetters[] = {
    "H", "G", "H", "J", "J", "J", "G",
    "G", "G", "J", "J", "J",
    "J", "J", "J", "J", "G", "G",
    "G", "J",
};
static_assert(std::size(kCanadaFrenchCities) == std::size(kCanadaFrenchLetters), "one letter per city");


constexpr sv kMexicoCities[] = {
    "Ciudad de México", "Guadalajara", "Monterrey", "Puebla", "Tijuana", "León",
    "Ciudad Juárez", "Zapopan", "Mérida", "San Luis Potosí", "Aguascalientes", "Hermosillo",
    "Saltillo", "Mexicali", "Culiacán", "Querétaro", "Chihuahua", "Morelia", "Toluca",
    "Cancún", "Acapulco", "Torreón", "Reynosa", "Tuxtla Gutiérrez", "Veracruz",
    "Villahermosa", "Durango", "Xalapa", "Oaxaca de Juárez", "Mazatlán", "Tampico",
    "Cuernavaca", "Irapuato", "Celaya", "Ensenada", "Pachuca", "Tlaxcala", "Campeche",
    "Colima", "Tepic", "La Paz", "Zacatecas", "Chetumal", "Puerto Vallarta", "Nuevo Laredo",
    "Matamoros", "Guanajuato", "San Miguel de Allende",
};

constexpr sv kArgentinaCities[] = {
    "Buenos Aires", "Córdoba", "Rosario", "Mendoza", "San Miguel de Tucumán", "La Plata",
    "Mar del Plata", "Salta", "Santa Fe", "San Juan", "Resistencia", "Santiago del Estero",
    "Corrientes", "Posadas", "Neuquén", "Bahía Blanca", "San Salvador de Jujuy", "Paraná",
    "Formosa", "San Luis", "La Rioja", "Río Cuarto", "Comodoro Rivadavia",
    "San Fernando del Valle de Catamarca", "San Carlos de Bariloche", "Río Gallegos",
    "Ushuaia", "Rawson", "Trelew", "Tandil", "Villa María", "Rafaela",
    "San Nicolás de los Arroyos", "Zárate", "Olavarría", "Viedma", "Santa Rosa", "Concordia",
    "Puerto Madryn", "Junín",
};

constexpr sv kColombiaCities[] = {
    "Bogotá", "Medellín", "Cali", "Barranquilla", "Cartagena de Indias", "Cúcuta", "Soacha",
    "Soledad", "Bucaramanga", "Bello", "Villavicencio", "Ibagué", "Santa Marta",
    "Valledupar", "Manizales", "Pereira", "Montería", "Neiva", "Pasto", "Armenia",
    "Popayán", "Sincelejo", "Riohacha", "Tunja", "Florencia", "Envigado", "Itagüí",
    "Palmira", "Buenaventura", "Girardot", "Zipaquirá", "Quibdó", "Yopal", "Leticia",
    "Duitama",
};

constexpr sv kChileCities[] = {
    "Santiago", "Puente Alto", "Antofagasta", "Viña del Mar", "Valparaíso", "Talcahuano",
    "San Bernardo", "Temuco", "Iquique", "Concepción", "Rancagua", "Talca", "Arica",
    "Coquimbo", "Puerto Montt", "La Serena", "Chillán", "Calama", "Osorno", "Valdivia",
    "Punta Arenas", "Copiapó", "Quilpué", "Los Ángeles", "Curicó", "Ovalle", "Linares",
    "Villarrica", "Castro",
};

constexpr sv kJapanCities[] = {
    "Tokyo", "Yokohama", "Osaka", "Nagoya", "Sapporo", "Fukuoka", "Kobe", "Kawasaki",
    "Kyoto", "Saitama", "Hiroshima", "Sendai", "Chiba", "Kitakyushu", "Sakai", "Niigata",
    "Hamamatsu", "Kumamoto", "Sagamihara", "Shizuoka", "Okayama", "Kagoshima", "Funabashi",
    "Hachioji", "Kawaguchi", "Himeji", "Matsuyama", "Utsunomiya", "Higashiosaka",
    "Nishinomiya", "Kurashiki", "Oita", "Kanazawa", "Amagasaki", "Fukuyama", "Toyama",
    "Nagasaki", "Gifu", "Miyazaki", "Naha", "Nara", "Wakayama", "Takamatsu", "Kochi",
    "Akita", "Aomori", "Morioka", "Fukushima", "Kofu", "Nagano", "Matsue", "Tottori",
    "Tokushima", "Saga", "Otsu", "Tsu", "Mito", "Maebashi",
};

constexpr sv kAustraliaCities[] = {
    "Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Gold Coast", "Newcastle",
    "Canberra", "Sunshine Coast", "Wollongong", "Geelong", "Hobart", "Townsville", "Cairns",
    "Darwin", "Toowoomba", "Ballarat", "Bendigo", "Albury", "Launceston", "Mackay",
    "Rockhampton", "Bunbury", "Bundaberg", "Coffs Harbour", "Wagga Wagga", "Hervey Bay",
    "Mildura", "Shepparton", "Port Macquarie", "Gladstone", "Tamworth", "Traralgon",
    "Orange", "Dubbo", "Geraldton", "Bowral", "Kalgoorlie", "Alice Springs",
    "Mount Gambier", "Broome", "Warrnambool",
};

// ======================================================================
// Regions.
// ======================================================================

constexpr uint8_t kNone = kCultureCount;  // no alternative culture

struct Formats {
    StringList postal;
    StringList landline;
    StringList mobile;
};

constexpr Formats kDE{list(kPostal5), list(kPhoneDE), list(kMobileDE)};
constexpr Formats kAT{list(kPostal4), list(kPhoneAT), list(kMobileAT)};
constexpr Formats kCH{list(kPostal4), list(kPhoneCH), list(kMobileCH)};
constexpr Formats kFR{list(kPostal5), list(kPhoneFR), list(kMobileFR)};
constexpr Formats kBE{list(kPostal4), list(kPhoneBE), list(kMobileBE)};
constexpr Formats kNL{list(kPostalNL), list(kPhoneNL), list(kMobileNL)};
constexpr Formats kES{list(kPostal5), list(kPhoneES), list(kMobileES)};
constexpr Formats kPT{list(kPostalPT), list(kPhonePT), list(kMobilePT)};
constexpr Formats kBR{list(kPostalBR), list(kPhoneBR), list(kMobileBR)};
constexpr Formats kIT{list(kPostal5), list(kPhoneIT), list(kMobileIT)};
constexpr Formats kUK{list(kPostalUK), list(kPhoneUK), list(kMobileUK)};
constexpr Formats kIE{list(kPostalIE), list(kPhoneIE), list(kMobileIE)};
constexpr Formats kSE{list(kPostalSpaced5), list(kPhoneSE), list(kMobileSE)};
constexpr Formats kNO{list(kPostal4), list(kPhoneNO), list(kMobileNO)};
constexpr Formats kDK{list(kPostal4), list(kPhoneDK), list(kMobileDK)};
constexpr Formats kFI{list(kPostal5), list(kPhoneFI), list(kMobileFI)};
constexpr Formats kIS{list(kPostalIS), list(kPhoneIS), list(kMobileIS)};
constexpr Formats kPL{list(kPostalPL), list(kPhonePL), list(kMobilePL)};
constexpr Formats kCZ{list(kPostalSpaced5), list(kPhoneCZ), list(kMobileCZ)};
constexpr Formats kHU{list(kPostal4), list(kPhoneHU), list(kMobileHU)};
constexpr Formats kRO{list(kPostal6), list(kPhoneRO), list(kMobileRO)};
constexpr Formats kHR{list(kPostal5), list(kPhoneHR), list(kMobileHR)};
constexpr Formats kGR{list(kPostalSpaced5), list(kPhoneGR), list(kMobileGR)};
constexpr Formats kTR{list(kPostal5), list(kPhoneTR), list(kMobileTR)};
constexpr Formats kUS{list(kPostal5), list(kPhoneNANP), list(kPhoneNANP)};
constexpr Formats kCA{list(kPostalCA), list(kPhoneNANP), list(kPhoneNANP)};
constexpr Formats kMX{list(kPostal5), list(kPhoneMX), list(kPhoneMX)};
constexpr Formats kAR{list(kPostalAR), list(kPhoneAR), list(kMobileAR)};
constexpr Formats kCO{list(kPostal6), list(kPhoneCO), list(kMobileCO)};
constexpr Formats kCL{list(kPostalCL), list(kPhoneCL), list(kMobileCL)};
constexpr Formats kJP{list(kPostalJP), list(kPhoneJP), list(kMobileJP)};
constexpr Formats kAU{list(kPostal4), list(kPhoneAU), list(kMobileAU)};

constexpr Region region(sv country, uint8_t culture, uint8_t alt_culture, uint8_t alt_percent,
                        uint8_t streets, HouseStyle house, const Formats& f, StringList cities,
                        const sv* city_codes = nullptr) {
    return Region{country,    culture,    alt_culture, alt_percent, streets,
                  house,      f.postal,   f.landline,  f.mobile,    cities,
                  city_codes};
}

constexpr HouseStyle kEU = HouseStyle::European;
constexpr HouseStyle kNA = HouseStyle::NorthAmerican;

}  // namespace

constexpr Region kRegions[] = {
    region("Germany", kCultureGerman, kCultureTurkish, 5, kStreetsGermany, kEU, kDE, list(kGermanyCities)),
    region("Austria", kCultureGerman, kCultureCroatian, 4, kStreetsAustria, kEU, kAT, list(kAustriaCities)),
    region("Switzerland", kCultureGerman, kCultureItalian, 8, kStreetsSwissGerman, kEU, kCH, list(kSwissGermanCities)),
    region("Switzerland", kCultureFrench, kCulturePortuguese, 8, kStreetsFrench, kEU, kCH, list(kSwissFrenchCities)),
    region("Switzerland", kCultureItalian, kCultureGerman, 10, kStreetsItalian, kEU, kCH, list(kSwissItalianCities)),
    region("France", kCultureFrench, kCulturePortuguese, 3, kStreetsFrench, kEU, kFR, list(kFranceCities)),
    region("Belgium", kCultureDutch, kCultureFrench, 5, kStreetsDutch, kEU, kBE, list(kBelgiumDutchCities)),
    region("Belgium", kCultureFrench, kCultureItalian, 5, kStreetsFrench, kEU, kBE, list(kBelgiumFrenchCities)),
    region("Netherlands", kCultureDutch, kCultureTurkish, 3, kStreetsDutch, kEU, kNL, list(kNetherlandsCities)),
    region("Spain", kCultureSpanish, kNone, 0, kStreetsSpain, kEU, kES, list(kSpainCities)),
    region("Portugal", kCulturePortuguese, kNone, 0, kStreetsPortugal, kEU, kPT, list(kPortugalCities)),
    region("Brazil", kCulturePortuguese, kCultureItalian, 5, kStreetsBrazil, kEU, kBR, list(kBrazilCities)),
    region("Italy", kCultureItalian, kNone, 0, kStreetsItalian, kEU, kIT, list(kItalyCities)),
    region("United Kingdom", kCultureEnglish, kCultureIrish, 4, kStreetsUK, kEU, kUK, list(kUKCities), kUKPostcodeAreas),
    region("Ireland", kCultureIrish, kCultureEnglish, 25, kStreetsIreland, kEU, kIE, list(kIrelandCities)),
    region("Sweden", kCultureSwedish, kCultureFinnish, 4, kStreetsSweden, kEU, kSE, list(kSwedenCities)),
    region("Norway", kCultureNorwegian, kCultureSwedish, 3, kStreetsNorway, kEU, kNO, list(kNorwayCities)),
    region("Denmark", kCultureDanish, kNone, 0, kStreetsDenmark, kEU, kDK, list(kDenmarkCities)),
    region("Finland", kCultureFinnish, kCultureSwedish, 5, kStreetsFinland, kEU, kFI, list(kFinlandCities)),
    region("Iceland", kCultureIcelandic, kNone, 0, kStreetsIceland, kEU, kIS, list(kIcelandCities)),
    region("Poland", kCulturePolish, kNone, 0, kStreetsPoland, kEU, kPL, list(kPolandCities)),
    region("Czechia", kCultureCzech, kNone, 0, kStreetsCzechia, kEU, kCZ, list(kCzechiaCities)),
    region("Hungary", kCultureHungarian, kNone, 0, kStreetsHungary, kEU, kHU, list(kHungaryCities)),
    region("Romania", kCultureRomanian, kCultureHungarian, 6, kStreetsRomania, kEU, kRO, list(kRomaniaCities)),
    region("Croatia", kCultureCroatian, kNone, 0, kStreetsCroatia, kEU, kHR, list(kCroatiaCities)),
    region("Greece", kCultureGreek, kNone, 0, kStreetsGreece, kEU, kGR, list(kGreeceCities)),
    region("Turkey", kCultureTurkish, kNone, 0, kStreetsTurkey, kEU, kTR, list(kTurkeyCities)),
    region("United States", kCultureEnglish, kCultureSpanish, 15, kStreetsUS, kNA, kUS, list(kUSCities)),
    region("Canada", kCultureEnglish, kCultureFrench, 5, kStreetsCanada, kNA, kCA, list(kCanadaEnglishCities), kCanadaEnglishLetters),
    region("Canada", kCultureFrench, kCultureEnglish, 10, kStreetsFrench, kNA, kCA, list(kCanadaFrenchCities), kCanadaFrenchLetters),
    region("Mexico", kCultureSpanish, kNone, 0, kStreetsMexico, kEU, kMX, list(kMexicoCities)),
    region("Argentina", kCultureSpanish, kCultureItalian, 10, kStreetsArgentina, kEU, kAR, list(kArgentinaCities)),
    region("Colombia", kCultureSpanish, kNone, 0, kStreetsColombia, kEU, kCO, list(kColombiaCities)),
    region("Chile", kCultureSpanish, kNone, 0, kStreetsChile, kEU, kCL, list(kChileCities)),
    region("Japan", kCultureJapanese, kNone, 0, kStreetsJapan, HouseStyle::Japanese, kJP, list(kJapanCities)),
    region("Australia", kCultureEnglish, kCultureItalian, 3, kStreetsAustralia, kEU, kAU, list(kAustraliaCities)),
};

constexpr std::size_t kRegionCount = std::size(kRegions);

namespace {

constexpr std::size_t kN = std::size(kRegions);

struct Starts {
    uint32_t v[kN + 1];
};

struct Tiers {
    CityTiers v[kN];
};

// Cities of all regions of region i's country.
constexpr uint32_t country_city_count(std::size_t i) {
    uint32_t n = 0;
    for (std::size_t j = 0; j < kN; ++j) {
        if (kRegions[j].country == kRegions[i].country) n += kRegions[j].cities.size;
    }
    return n;
}

// round(a * b / c), for c > 0.
constexpr uint32_t share(uint32_t a, uint32_t b, uint32_t c) { return (2 * a * b + c) / (2 * c); }

constexpr Tiers make_tiers() {
    Tiers t{};
    for (std::size_t i = 0; i < kN; ++i) {
        const uint32_t n = kRegions[i].cities.size;
        const uint32_t total = country_city_count(i);
        t.v[i] = CityTiers{share(kBigCityCount, n, total), share(kMidCityCount, n, total)};
    }
    return t;
}

constexpr Tiers kTiers = make_tiers();

template <bool Weighted>
constexpr Starts make_starts() {
    Starts s{};
    uint32_t total = 0;
    for (std::size_t i = 0; i < kN; ++i) {
        s.v[i] = total;
        const uint32_t n = kRegions[i].cities.size;
        total += Weighted ? kTiers.v[i].total(n) : n;
    }
    s.v[kN] = total;
    return s;
}

constexpr Starts kCityStarts = make_starts<false>();
constexpr Starts kWeightStarts = make_starts<true>();

// CityTiers::city_at inverts CityTiers::weight in every region, and every
// region has a positive weight.
constexpr bool tiers_invert() {
    for (std::size_t r = 0; r < kN; ++r) {
        const CityTiers& t = kTiers.v[r];
        const uint32_t n = kRegions[r].cities.size;
        uint32_t x = 0;
        for (uint32_t i = 0; i < n; ++i) {
            for (uint32_t k = 0; k < t.weight(i); ++k, ++x) {
                if (t.city_at(x) != i) return false;
            }
        }
        if (x == 0 || x != t.total(n)) return false;
    }
    return true;
}
static_assert(tiers_invert(), "CityTiers::city_at must invert CityTiers::weight");

}  // namespace

const uint32_t* const kRegionCityStart = kCityStarts.v;
constexpr uint32_t kCityCount = kCityStarts.v[kN];
const CityTiers* const kRegionTiers = kTiers.v;
const uint32_t* const kRegionWeightStart = kWeightStarts.v;
constexpr uint32_t kTotalCityWeight = kWeightStarts.v[kN];

static_assert(kCityCount >= 1000, "the issue asks for at least 1,000 real cities");

}  // namespace contacts::core::gendata
