// Street names per country or language area, for generate_contact(). Real,
// common street names in each place's own spelling; a contact's street is
// drawn uniformly from the list of its region.
#include "core/generator_data.hpp"

#include "core/no_postgres.hpp"

namespace contacts::core::gendata {
namespace {

using sv = std::string_view;


constexpr sv kGermany[] = {
    "Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenstraße", "Dorfstraße", "Bergstraße",
    "Kirchstraße", "Lindenstraße", "Waldstraße", "Ringstraße", "Schillerstraße",
    "Goethestraße", "Mühlenweg", "Am Markt", "Marktplatz", "Wiesenweg", "Birkenweg",
    "Rosenstraße", "Mozartstraße", "Beethovenstraße", "Poststraße", "Feldstraße", "Talstraße",
    "Jahnstraße", "Parkstraße", "Am Bahnhof", "Kastanienallee", "Friedrichstraße",
    "Königstraße", "Lessingstraße", "Uhlandstraße", "Heinrich-Heine-Straße", "Ludwigstraße",
    "Kaiserstraße", "Brückenstraße", "Blumenstraße", "Eichendorffstraße", "Am Sportplatz",
    "Grüner Weg", "Mittelweg", "Bismarckstraße", "Wilhelmstraße", "Schloßstraße",
    "Schützenstraße", "Industriestraße", "Ahornweg", "Karl-Marx-Straße", "Fröbelstraße",
};

constexpr sv kAustria[] = {
    "Hauptstraße", "Bahnhofstraße", "Hauptplatz", "Kirchengasse", "Schulgasse",
    "Mariahilfer Straße", "Herrengasse", "Landstraßer Hauptstraße", "Wiener Straße",
    "Linzer Straße", "Grazer Straße", "Salzburger Straße", "Mühlgasse", "Feldgasse",
    "Lindengasse", "Dorfstraße", "Am Anger", "Rathausplatz", "Kaiserstraße",
    "Josefstädter Straße", "Favoritenstraße", "Annagasse", "Neubaugasse", "Praterstraße",
    "Getreidegasse", "Maria-Theresien-Straße", "Sporgasse", "Schmiedgasse", "Brunnengasse",
    "Gartengasse", "Wiesengasse", "Untere Hauptstraße", "Kärntner Straße", "Thaliastraße",
};

constexpr sv kSwissGerman[] = {
    "Bahnhofstrasse", "Hauptstrasse", "Dorfstrasse", "Kirchgasse", "Seestrasse",
    "Schulstrasse", "Poststrasse", "Bergstrasse", "Industriestrasse", "Feldstrasse",
    "Gartenstrasse", "Oberdorfstrasse", "Rosenweg", "Lindenstrasse", "Sonnenbergstrasse",
    "Zürcherstrasse", "Bernstrasse", "Baslerstrasse", "Rathausgasse", "Marktgasse",
    "Spitalgasse", "Kramgasse", "Löwenstrasse", "Weinbergstrasse", "Bachstrasse",
    "Mühlestrasse", "Unterdorfstrasse", "Schützenstrasse", "Höheweg", "Alpenstrasse",
};

constexpr sv kFrench[] = {
    "Rue de la République", "Rue Victor Hugo", "Rue de la Paix", "Rue Nationale",
    "Avenue Jean Jaurès", "Rue du Général de Gaulle", "Place de l'Église", "Rue de l'Église",
    "Grande Rue", "Rue Pasteur", "Boulevard Gambetta", "Avenue de la Gare",
    "Rue de la Mairie", "Rue des Écoles", "Rue du Moulin", "Rue Voltaire", "Rue Jean Moulin",
    "Avenue Foch", "Rue Émile Zola", "Rue des Lilas", "Rue du Château", "Rue de Verdun",
    "Chemin des Vignes", "Rue Saint-Michel", "Rue du Faubourg Saint-Honoré",
    "Boulevard Haussmann", "Avenue des Champs-Élysées", "Rue de Rivoli",
    "Quai de la Tournelle", "Rue Saint-Denis", "Rue Sainte-Catherine", "Rue Notre-Dame",
    "Rue du Marché", "Place du Marché", "Rue des Jardins", "Allée des Tilleuls",
};

constexpr sv kItalian[] = {
    "Via Roma", "Via Garibaldi", "Via Giuseppe Mazzini", "Via Cavour",
    "Corso Vittorio Emanuele II", "Via Dante Alighieri", "Via Giacomo Matteotti",
    "Via Guglielmo Marconi", "Piazza del Duomo", "Via XX Settembre", "Via Nazionale",
    "Corso Italia", "Via della Repubblica", "Via Giuseppe Verdi", "Via Alessandro Manzoni",
    "Via San Francesco", "Via dei Mille", "Via Vittorio Veneto", "Via Santa Lucia",
    "Viale Europa", "Via Milano", "Via Torino", "Via del Corso", "Via Toledo",
    "Piazza della Libertà", "Via IV Novembre", "Via Antonio Gramsci", "Via Leonardo da Vinci",
    "Via Cesare Battisti", "Via Trieste", "Via Bellini", "Via Giosuè Carducci",
    "Via Giacomo Puccini", "Via della Pace",
};

constexpr sv kSpain[] = {
    "Calle Mayor", "Gran Vía", "Calle Real", "Calle de Alcalá", "Paseo de la Castellana",
    "Calle de Serrano", "Avenida de la Constitución", "Plaza Mayor", "Calle Nueva",
    "Calle de la Iglesia", "Calle del Sol", "Calle San Juan", "Calle Sevilla",
    "Avenida de Andalucía", "Calle Cervantes", "Calle Colón", "Rambla de Catalunya",
    "Passeig de Gràcia", "Carrer de Balmes", "Calle Larios", "Calle de la Princesa",
    "Avenida de América", "Calle del Carmen", "Calle Santiago", "Calle de Goya",
    "Calle de Velázquez", "Calle de Atocha", "Calle de Toledo", "Avenida del Puerto",
    "Calle Castilla", "Calle Pintor Sorolla", "Calle San Vicente", "Plaza de España",
    "Calle Ancha", "Carrer Major", "Rúa do Franco",
};

constexpr sv kMexico[] = {
    "Avenida Insurgentes Sur", "Paseo de la Reforma", "Avenida Juárez", "Calle Hidalgo",
    "Calle Morelos", "Avenida Benito Juárez", "Calle Francisco I. Madero", "Avenida Revolución",
    "Calle 5 de Mayo", "Calle Zaragoza", "Avenida Universidad", "Calle Allende",
    "Calle Guerrero", "Avenida Chapultepec", "Calle Independencia", "Avenida Vallarta",
    "Calle Aldama", "Avenida Constitución", "Calle Niños Héroes", "Calzada de Tlalpan",
    "Avenida Lázaro Cárdenas", "Calle Emiliano Zapata",
};

constexpr sv kArgentina[] = {
    "Avenida Corrientes", "Avenida de Mayo", "Calle Florida", "Avenida Santa Fe",
    "Calle San Martín", "Avenida Rivadavia", "Calle Belgrano", "Avenida 9 de Julio",
    "Calle Sarmiento", "Avenida Callao", "Calle Lavalle", "Calle Mitre", "Avenida Cabildo",
    "Calle Tucumán", "Calle Moreno", "Avenida Pueyrredón", "Calle Güemes",
    "Avenida del Libertador", "Calle Urquiza", "Calle 25 de Mayo", "Avenida Colón",
};

constexpr sv kColombia[] = {
    "Carrera Séptima", "Calle 26", "Avenida Caracas", "Carrera 15", "Calle Bolívar",
    "Avenida Boyacá", "Calle 72", "Carrera 43A", "Avenida El Poblado", "Calle 10",
    "Avenida Santander", "Carrera 50", "Calle del Arsenal", "Avenida Jiménez",
    "Calle Real", "Avenida Circunvalar", "Carrera 11", "Calle 85",
};

constexpr sv kChile[] = {
    "Avenida Libertador Bernardo O'Higgins", "Avenida Providencia", "Calle Huérfanos",
    "Avenida Apoquindo", "Avenida Vicuña Mackenna", "Calle Estado", "Calle Ahumada",
    "Avenida Irarrázaval", "Calle Merced", "Avenida Matta", "Calle Prat", "Avenida Grecia",
    "Calle Condell", "Avenida Pedro de Valdivia", "Calle Esmeralda", "Avenida Alemania",
    "Calle Bandera", "Avenida Los Leones",
};

constexpr sv kPortugal[] = {
    "Rua Augusta", "Rua da Prata", "Rua do Ouro", "Avenida da Liberdade", "Rua Garrett",
    "Rua de Santa Catarina", "Avenida dos Aliados", "Rua das Flores", "Rua Direita",
    "Rua da Igreja", "Rua 25 de Abril", "Rua Cândido dos Reis", "Avenida da República",
    "Rua do Comércio", "Rua de São Bento", "Rua Dom Afonso Henriques", "Rua Miguel Bombarda",
    "Rua Luís de Camões", "Avenida Almirante Reis", "Rua Alexandre Herculano", "Rua do Carmo",
    "Rua Nova", "Travessa da Fábrica", "Rua da Escola", "Rua de Cedofeita",
    "Rua Sá da Bandeira", "Rua Ferreira Borges", "Avenida Fontes Pereira de Melo",
    "Largo do Chafariz", "Rua da Junqueira",
};

constexpr sv kBrazil[] = {
    "Avenida Paulista", "Rua Augusta", "Rua XV de Novembro", "Rua Oscar Freire",
    "Avenida Atlântica", "Rua da Consolação", "Avenida Brasil", "Rua Sete de Setembro",
    "Avenida Getúlio Vargas", "Rua Barão de Itapetininga", "Rua São Bento",
    "Avenida Presidente Vargas", "Rua das Laranjeiras", "Rua Voluntários da Pátria",
    "Avenida Afonso Pena", "Rua Tiradentes", "Rua Dom Pedro II", "Avenida Rio Branco",
    "Rua Marechal Deodoro", "Rua Santos Dumont", "Avenida Beira-Mar", "Rua Padre Anchieta",
    "Avenida Ipiranga", "Rua José Bonifácio", "Rua Duque de Caxias", "Avenida Boa Viagem",
    "Rua da Bahia", "Rua Halfeld", "Avenida Sete de Setembro", "Rua Chile",
};

constexpr sv kDutch[] = {
    "Kerkstraat", "Dorpsstraat", "Schoolstraat", "Molenstraat", "Stationsstraat",
    "Nieuwstraat", "Hoofdstraat", "Markt", "Julianastraat", "Wilhelminastraat",
    "Beatrixstraat", "Kalverstraat", "Prinsengracht", "Keizersgracht", "Herengracht",
    "Damrak", "Kerkweg", "Parallelweg", "Industrieweg", "Lindenlaan", "Eikenlaan",
    "Beukenlaan", "Vondelstraat", "Steenweg", "Grote Markt", "Meir", "Veldstraat",
    "Nieuwe Binnenweg", "Oudegracht", "Breestraat", "Zeedijk", "Koningin Astridlaan",
    "Tiensestraat", "Lange Nieuwstraat", "Stationsplein",
};

constexpr sv kUK[] = {
    "High Street", "Station Road", "Main Street", "Park Road", "Church Road", "Church Street",
    "London Road", "Victoria Road", "Green Lane", "Manor Road", "Church Lane", "Park Avenue",
    "The Avenue", "The Crescent", "Queens Road", "New Road", "Grange Road", "Kings Road",
    "Kingsway", "Windsor Road", "Highfield Road", "Mill Lane", "Alexandra Road",
    "Albert Road", "York Road", "St John's Road", "Oxford Street", "Princes Street",
    "Sauchiehall Street", "Deansgate", "Bold Street", "Baker Street", "Abbey Road",
    "Castle Street", "George Street", "North Road", "Springfield Road", "West Street",
    "Mill Road", "The Green",
};

constexpr sv kIreland[] = {
    "Main Street", "O'Connell Street", "Grafton Street", "Henry Street", "Dame Street",
    "Patrick Street", "Shop Street", "Church Street", "Bridge Street", "Castle Street",
    "Market Street", "Parnell Street", "Abbey Street", "Strand Road", "Dublin Road",
    "Cork Road", "Green Street", "Mary Street", "Thomas Street", "Pearse Street",
    "Wolfe Tone Street", "Sráid Mhór", "Bóthar an Phiarsaigh", "Sráid an Droichid",
    "Eyre Square", "Quay Street", "College Road", "Oliver Plunkett Street",
};

constexpr sv kUS[] = {
    "Main Street", "Oak Street", "Maple Avenue", "Elm Street", "Washington Street",
    "Park Avenue", "2nd Street", "3rd Street", "Cedar Street", "Pine Street", "Lake Street",
    "Hill Street", "Walnut Street", "Broadway", "Sunset Boulevard", "Lincoln Avenue",
    "Jefferson Street", "Madison Avenue", "Franklin Street", "Highland Avenue",
    "Church Street", "Spring Street", "Chestnut Street", "Center Street", "Union Street",
    "Market Street", "Ridge Road", "Meadow Lane", "Jackson Street", "Dogwood Drive",
    "Willow Lane", "Cherry Lane", "River Road", "Front Street", "Pennsylvania Avenue",
    "Mission Street", "Peachtree Street", "Michigan Avenue", "Commonwealth Avenue",
    "Magnolia Drive", "5th Avenue", "Martin Luther King Jr Boulevard",
};

constexpr sv kCanada[] = {
    "Yonge Street", "Queen Street West", "King Street", "Dundas Street", "Bloor Street",
    "Rideau Street", "Bank Street", "Granville Street", "Robson Street", "Jasper Avenue",
    "Portage Avenue", "Main Street", "Church Street", "Wellington Street", "Victoria Street",
    "Elgin Street", "Spadina Avenue", "College Street", "Barrington Street", "Water Street",
    "1st Avenue", "Whyte Avenue", "Albert Street", "Spring Garden Road", "Maple Drive",
    "Lakeshore Road",
};

constexpr sv kAustralia[] = {
    "George Street", "Pitt Street", "Collins Street", "Bourke Street", "Flinders Street",
    "Queen Street", "Hay Street", "King William Street", "Elizabeth Street",
    "Swanston Street", "Oxford Street", "Victoria Street", "Chapel Street", "Sydney Road",
    "Parramatta Road", "Hunter Street", "The Esplanade", "Beach Road", "Marine Parade",
    "Anzac Parade", "Smith Street", "Brunswick Street", "Adelaide Street", "Murray Street",
    "Macquarie Street", "Church Street", "High Street", "Station Street", "Main Street",
    "Wattle Avenue",
};

constexpr sv kSweden[] = {
    "Storgatan", "Kungsgatan", "Drottninggatan", "Järnvägsgatan", "Skolgatan",
    "Kyrkogatan", "Nygatan", "Östra Storgatan", "Västra vägen", "Sveavägen", "Götgatan",
    "Hornsgatan", "Vasagatan", "Norra vägen", "Södra vägen", "Industrigatan", "Parkvägen",
    "Ringvägen", "Bergsgatan", "Skogsvägen", "Björkvägen", "Tallvägen", "Åsgatan",
    "Ängsvägen", "Lilla Torget", "Stortorget", "Köpmangatan", "Strandvägen", "Linnégatan",
    "Sjögatan",
};

constexpr sv kNorway[] = {
    "Storgata", "Kirkegata", "Karl Johans gate", "Kongens gate", "Dronningens gate",
    "Nedre Slottsgate", "Torggata", "Skolegata", "Strandgata", "Jernbanegata", "Parkveien",
    "Bygdøy allé", "Markveien", "Thereses gate", "Bogstadveien", "Sørkedalsveien",
    "Trondheimsveien", "Bryggen", "Olav Tryggvasons gate", "Øvre Slottsgate", "Løkkeveien",
    "Skogveien", "Bjørkeveien", "Fjellveien", "Åsveien", "Haugeveien", "Sandgata", "Nygata",
};

constexpr sv kDenmark[] = {
    "Østergade", "Vestergade", "Nørregade", "Søndergade", "Algade", "Storegade", "Kirkevej",
    "Skolevej", "Stationsvej", "Strøget", "Bredgade", "Amagertorv", "Vesterbrogade",
    "Nørrebrogade", "Strandvejen", "Jernbanegade", "Møllevej", "Parkvej", "Engvej",
    "Skovvej", "Bøgevej", "Birkevej", "Kongensgade", "Dronningens Tværgade",
    "Frederiksberg Allé", "H.C. Andersens Boulevard", "Åboulevarden", "Nyhavn", "Torvet",
    "Klostergade",
};

constexpr sv kFinland[] = {
    "Mannerheimintie", "Aleksanterinkatu", "Hämeenkatu", "Kauppakatu", "Rautatienkatu",
    "Koulukatu", "Kirkkokatu", "Puistokatu", "Asemakatu", "Keskuskatu", "Esplanadi",
    "Yliopistonkatu", "Satamakatu", "Kalevankatu", "Pohjoisesplanadi", "Eteläesplanadi",
    "Hämeentie", "Itäinen Pitkäkatu", "Läntinen Rantakatu", "Kuninkaankatu", "Torikatu",
    "Väinämöisenkatu", "Mäkelänkatu", "Tehtaankatu", "Koivukuja", "Kuusitie",
    "Männikkötie", "Rantatie", "Kylätie",
};

constexpr sv kIceland[] = {
    "Laugavegur", "Skólavörðustígur", "Hverfisgata", "Bankastræti", "Austurstræti",
    "Aðalstræti", "Hafnarstræti", "Suðurgata", "Vesturgata", "Tryggvagata", "Borgartún",
    "Bústaðavegur", "Hringbraut", "Miklabraut", "Sæbraut", "Grettisgata", "Njálsgata",
    "Bergstaðastræti", "Freyjugata", "Þórsgata", "Kirkjustræti", "Strandgata", "Hafnargata",
    "Aðalgata", "Brekkugata",
};

constexpr sv kPoland[] = {
    "ulica Długa", "ulica Polna", "ulica Leśna", "ulica Słoneczna", "ulica Krótka",
    "ulica Szkolna", "ulica Ogrodowa", "ulica Lipowa", "ulica Brzozowa", "ulica Łąkowa",
    "ulica Kwiatowa", "ulica Kościuszki", "ulica Mickiewicza", "ulica Sienkiewicza",
    "ulica Piłsudskiego", "ulica Kościelna", "ulica Mazowiecka", "ulica Marszałkowska",
    "ulica Piotrkowska", "ulica Floriańska", "ulica Grodzka", "ulica Świętojańska",
    "ulica Nowy Świat", "ulica Chopina", "ulica Jana Pawła II", "ulica 3 Maja",
    "ulica Wojska Polskiego", "ulica Zielona", "ulica Spacerowa", "Aleje Jerozolimskie",
};

constexpr sv kCzechia[] = {
    "Hlavní", "Nádražní", "Školní", "Zahradní", "Krátká", "Dlouhá", "Polní", "Lesní",
    "Sokolská", "Husova", "Masarykova", "Palackého", "Komenského", "Tyršova", "Jiráskova",
    "Nerudova", "Karlova", "Vodičkova", "Václavské náměstí", "Na Příkopě", "Národní",
    "Žižkova", "Smetanova", "Nová", "Revoluční", "Riegrova", "Havlíčkova", "Štefánikova",
    "Pražská", "Brněnská", "třída Svobody",
};

constexpr sv kHungary[] = {
    "Fő utca", "Kossuth Lajos utca", "Petőfi Sándor utca", "Rákóczi út", "Ady Endre utca",
    "József Attila utca", "Dózsa György út", "Széchenyi István tér", "Béke utca",
    "Arany János utca", "Váci utca", "Andrássy út", "Bajcsy-Zsilinszky út",
    "Vörösmarty utca", "Deák Ferenc tér", "Jókai Mór utca", "Kölcsey Ferenc utca",
    "Táncsics Mihály utca", "Szabadság tér", "Kinizsi utca", "Bem József utca",
    "Hunyadi János utca", "Madách Imre utca", "Vasút utca", "Iskola utca", "Templom utca",
    "Alkotmány utca", "Rózsa utca", "Damjanich utca", "Király utca",
};

constexpr sv kRomania[] = {
    "Strada Principală", "Strada Mihai Eminescu", "Bulevardul Unirii", "Calea Victoriei",
    "Strada Ștefan cel Mare", "Bulevardul Revoluției", "Strada Independenței",
    "Strada Libertății", "Strada Mihai Viteazu", "Strada Avram Iancu", "Bulevardul Carol I",
    "Strada Lipscani", "Bulevardul Magheru", "Strada Republicii", "Strada Gării",
    "Strada Școlii", "Strada Morii", "Strada Florilor", "Strada Primăverii",
    "Strada Tudor Vladimirescu", "Strada Nicolae Bălcescu", "Bulevardul 1 Decembrie 1918",
    "Strada Horea", "Strada Cuza Vodă", "Strada Traian", "Strada Decebal",
    "Calea Dorobanților", "Strada Lalelelor", "Strada Teilor", "Bulevardul Eroilor",
};

constexpr sv kCroatia[] = {
    "Ilica", "Vukovarska ulica", "Ulica kralja Tomislava", "Zagrebačka ulica",
    "Frankopanska ulica", "Ulica Ante Starčevića", "Splitska ulica", "Ulica Stjepana Radića",
    "Trg bana Jelačića", "Praška ulica", "Savska cesta", "Ulica Matije Gupca",
    "Ulica Nikole Tesle", "Obala kneza Branimira", "Riva", "Stradun", "Korzo",
    "Ulica hrvatskih branitelja", "Školska ulica", "Crkvena ulica", "Kolodvorska ulica",
    "Ulica Petra Preradovića", "Ulica Ivana Gundulića", "Marmontova ulica",
    "Ulica Augusta Šenoe", "Ulica Frana Supila", "Vlaška ulica", "Ulica Ruđera Boškovića",
};

constexpr sv kGreece[] = {
    "Ερμού", "Σταδίου", "Πανεπιστημίου", "Αθηνάς", "Ακαδημίας", "Βασιλίσσης Σοφίας",
    "Λεωφόρος Κηφισίας", "Πατησίων", "Αιόλου", "Μητροπόλεως", "Τσιμισκή", "Εγνατία",
    "Αγίου Δημητρίου", "Ελευθερίου Βενιζέλου", "Κολοκοτρώνη", "Καραϊσκάκη", "Μιαούλη",
    "Κανάρη", "Αριστοτέλους", "Πλάτωνος", "Σωκράτους", "Ομήρου", "28ης Οκτωβρίου",
    "25ης Μαρτίου", "Ιπποκράτους", "Θεμιστοκλέους", "Περικλέους", "Ηρώων Πολυτεχνείου",
    "Παπαφλέσσα", "Μαβίλη",
};

constexpr sv kTurkey[] = {
    "Atatürk Caddesi", "İstiklal Caddesi", "Cumhuriyet Caddesi", "Gazi Mustafa Kemal Bulvarı",
    "İnönü Caddesi", "Bağdat Caddesi", "Millet Caddesi", "Okul Sokak", "Çiçek Sokak",
    "Lale Sokak", "Gül Sokak", "Menekşe Sokak", "Zafer Sokak", "Barış Sokak",
    "Fatih Caddesi", "Hürriyet Caddesi", "Mimar Sinan Caddesi", "Yıldız Sokak",
    "Güneş Sokak", "Pınar Sokak", "Çamlık Sokak", "Kültür Sokak", "Mektep Sokak",
    "Çarşı Caddesi", "Vatan Caddesi", "Fevzi Çakmak Caddesi", "Necatibey Caddesi",
    "Kazım Karabekir Caddesi", "Gazi Bulvarı", "Şehitler Caddesi",
};

// Japanese addresses name a district (chō/machi) and a block number, not a
// street; the district is stored in `street`, the block in `street_number`.
constexpr sv kJapan[] = {
    "Honcho", "Chuo", "Sakae", "Motomachi", "Midoricho", "Asahicho", "Saiwaicho",
    "Nishikicho", "Sakuragicho", "Kotobukicho", "Higashi", "Nishi", "Minami", "Kita",
    "Ginza", "Shibuya", "Umeda", "Namba", "Nishi-Shinjuku", "Marunouchi", "Otemachi",
    "Akasaka", "Roppongi", "Hommachi", "Shinmachi", "Nakamachi", "Kamimachi", "Shimomachi",
    "Omotesando", "Tenjin",
};

}  // namespace

// Order matches enum Streets.
const StringList kStreetLists[kStreetsCount] = {
    list(kGermany), list(kAustria), list(kSwissGerman), list(kFrench), list(kItalian),
    list(kSpain), list(kMexico), list(kArgentina), list(kColombia), list(kChile), list(kPortugal), list(kBrazil), list(kDutch),
    list(kUK), list(kIreland), list(kUS), list(kCanada), list(kAustralia),
    list(kSweden), list(kNorway), list(kDenmark), list(kFinland), list(kIceland),
    list(kPoland), list(kCzechia), list(kHungary), list(kRomania), list(kCroatia),
    list(kGreece), list(kTurkey), list(kJapan),
};

}  // namespace contacts::core::gendata
