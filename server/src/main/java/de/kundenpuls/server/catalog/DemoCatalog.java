package de.kundenpuls.server.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.Money;

/**
 * The demo catalog seeded into an empty data directory: four stores, their touchpoints, ten
 * categories and 320 products (brand × product line), deterministic so that every machine shows
 * the same catalog. GTINs are valid: mostly EAN-13 with German prefixes, some EAN-8 and UPC-A.
 */
public final class DemoCatalog {

    /** Touchpoints of the customer journey, in order, with German and English names. */
    public static final Map<String, Map<String, String>> TOUCHPOINTS = ordered(
            "entrance", names("Eingang", "Entrance"),
            "shelf", names("Regal", "Shelf"),
            "fitting-room", names("Umkleide", "Fitting room"),
            "checkout", names("Kasse", "Checkout"),
            "service-desk", names("Servicetheke", "Service desk"),
            "app", names("App", "App"));

    private static final List<Store> STORES = List.of(
            new Store("berlin-mitte", "Kundenpuls Berlin Mitte", "Berlin", "Europe/Berlin", List.copyOf(TOUCHPOINTS.keySet())),
            new Store("hamburg-altona", "Kundenpuls Hamburg Altona", "Hamburg", "Europe/Berlin", List.copyOf(TOUCHPOINTS.keySet())),
            new Store("muenchen-schwabing", "Kundenpuls München Schwabing", "München", "Europe/Berlin",
                    List.copyOf(TOUCHPOINTS.keySet())),
            new Store("wien-neubau", "Kundenpuls Wien Neubau", "Wien", "Europe/Vienna",
                    List.of("entrance", "shelf", "checkout", "service-desk", "app")));

    private static final List<CategoryData> CATEGORIES = List.of(
            new CategoryData("dairy", "Molkereiprodukte", "Dairy",
                    new String[] {"Weihenstephan", "Landliebe", "Berchtesgadener Land", "Gut & Günstig"},
                    new double[] {1.15, 1.25, 1.35, 0.75},
                    List.of(
                            line("Frische Vollmilch 3,5 %", "Fresh whole milk 3.5%", "1 l", 1.29, "Fettgehalt", "3,5 %", "Fat", "3.5%"),
                            line("Naturjoghurt mild", "Mild natural yoghurt", "500 g", 0.99, "Fettgehalt", "3,8 %", "Fat", "3.8%"),
                            line("Süßrahmbutter", "Sweet cream butter", "250 g", 2.19, "Fettgehalt", "82 %", "Fat", "82%"),
                            line("Gouda jung in Scheiben", "Young Gouda slices", "150 g", 1.79, "Reifezeit", "6 Wochen", "Ripening", "6 weeks"),
                            line("Speisequark Magerstufe", "Low-fat quark", "500 g", 1.09, "Fettgehalt", "0,2 %", "Fat", "0.2%"),
                            line("Schlagsahne 30 %", "Whipping cream 30%", "200 g", 0.89, "Fettgehalt", "30 %", "Fat", "30%"),
                            line("Mozzarella", "Mozzarella", "125 g", 0.99, "Milchart", "Kuhmilch", "Milk", "cow's milk"),
                            line("Skyr Natur", "Plain skyr", "450 g", 1.99, "Eiweiß", "11 g/100 g", "Protein", "11 g/100 g"))),
            new CategoryData("bakery", "Backwaren", "Bakery",
                    new String[] {"Harry", "Mestemacher", "Lieken Urkorn", "Golden Toast"},
                    new double[] {1.0, 1.1, 1.05, 0.9},
                    List.of(
                            line("Vollkornbrot", "Wholegrain bread", "500 g", 1.99, "Ballaststoffe", "8 g/100 g", "Fibre", "8 g/100 g"),
                            line("Buttertoast", "Butter toast", "500 g", 1.49, "Scheiben", "24", "Slices", "24"),
                            line("Roggenmischbrot", "Rye bread", "750 g", 2.29, "Roggenanteil", "60 %", "Rye share", "60%"),
                            line("Dinkelbrötchen zum Aufbacken", "Spelt rolls to bake", "6 Stück", 1.89, "Backzeit", "8 min", "Baking time", "8 min"),
                            line("Pumpernickel", "Pumpernickel", "500 g", 1.69, "Backzeit", "16 h", "Baking time", "16 h"),
                            line("Sandwich-Toast Vollkorn", "Wholegrain sandwich toast", "750 g", 2.19, "Scheiben", "20", "Slices", "20"),
                            line("Laugenbrezeln", "Pretzels", "4 Stück", 1.59, "Backzeit", "10 min", "Baking time", "10 min"),
                            line("Knäckebrot Roggen", "Rye crispbread", "250 g", 1.29, "Ballaststoffe", "15 g/100 g", "Fibre", "15 g/100 g"))),
            new CategoryData("beverages", "Getränke", "Beverages",
                    new String[] {"Gerolsteiner", "Hohes C", "Bionade", "Vilsa"},
                    new double[] {1.0, 1.6, 1.4, 0.8},
                    List.of(
                            line("Mineralwasser Sprudel", "Sparkling mineral water", "1,5 l", 0.69, "Kohlensäure", "viel", "Carbonation", "high"),
                            line("Mineralwasser Naturell", "Still mineral water", "1,5 l", 0.65, "Kohlensäure", "ohne", "Carbonation", "none"),
                            line("Orangensaft 100 %", "Orange juice 100%", "1 l", 1.99, "Fruchtgehalt", "100 %", "Fruit content", "100%"),
                            line("Apfelschorle", "Apple spritzer", "1 l", 1.19, "Fruchtgehalt", "55 %", "Fruit content", "55%"),
                            line("Holunder-Limonade", "Elderflower lemonade", "0,33 l", 1.29, "Zucker", "5 g/100 ml", "Sugar", "5 g/100 ml"),
                            line("Eistee Pfirsich", "Peach iced tea", "1,5 l", 1.09, "Zucker", "6 g/100 ml", "Sugar", "6 g/100 ml"),
                            line("Multivitaminsaft", "Multivitamin juice", "1 l", 1.79, "Fruchtgehalt", "100 %", "Fruit content", "100%"),
                            line("Ingwer-Zitrone Schorle", "Ginger lemon spritzer", "0,5 l", 1.39, "Zucker", "4 g/100 ml", "Sugar", "4 g/100 ml"))),
            new CategoryData("produce", "Obst & Gemüse", "Fruit & vegetables",
                    new String[] {"Bioland", "Demeter", "Hofgut", "Regional"},
                    new double[] {1.4, 1.5, 1.1, 1.0},
                    List.of(
                            line("Äpfel Elstar", "Elstar apples", "1 kg", 2.49, "Herkunft", "Altes Land", "Origin", "Altes Land"),
                            line("Bananen", "Bananas", "1 kg", 1.69, "Herkunft", "Ecuador", "Origin", "Ecuador"),
                            line("Rispentomaten", "Vine tomatoes", "500 g", 2.29, "Klasse", "I", "Class", "I"),
                            line("Salatgurke", "Cucumber", "1 Stück", 0.79, "Klasse", "I", "Class", "I"),
                            line("Möhren", "Carrots", "1 kg", 1.29, "Herkunft", "Niedersachsen", "Origin", "Lower Saxony"),
                            line("Kartoffeln festkochend", "Waxy potatoes", "2,5 kg", 3.49, "Sorte", "Linda", "Variety", "Linda"),
                            line("Zitronen", "Lemons", "500 g", 1.49, "Herkunft", "Spanien", "Origin", "Spain"),
                            line("Champignons braun", "Brown mushrooms", "250 g", 1.99, "Klasse", "I", "Class", "I"))),
            new CategoryData("household", "Haushalt", "Household",
                    new String[] {"Frosch", "Somat", "Tempo", "Denkmit"},
                    new double[] {1.2, 1.3, 1.25, 0.7},
                    List.of(
                            line("Spülmittel Zitrone", "Lemon washing-up liquid", "750 ml", 1.49, "Duft", "Zitrone", "Scent", "lemon"),
                            line("Geschirrspültabs", "Dishwasher tabs", "40 Stück", 5.99, "Phosphatfrei", "ja", "Phosphate-free", "yes"),
                            line("Papiertaschentücher", "Paper tissues", "30 × 10", 2.49, "Lagen", "4", "Plies", "4"),
                            line("Allzweckreiniger", "All-purpose cleaner", "1 l", 1.99, "Duft", "frisch", "Scent", "fresh"),
                            line("Küchenrolle", "Kitchen roll", "4 Rollen", 2.79, "Blatt je Rolle", "64", "Sheets per roll", "64"),
                            line("Waschmittel Color", "Colour detergent", "20 WL", 4.99, "Waschladungen", "20", "Loads", "20"),
                            line("Badreiniger", "Bathroom cleaner", "500 ml", 1.79, "Entkalkend", "ja", "Descaling", "yes"),
                            line("Müllbeutel 35 l", "Bin bags 35 l", "30 Stück", 1.99, "Reißfest", "ja", "Tear-resistant", "yes"))),
            new CategoryData("cosmetics", "Drogerie & Kosmetik", "Health & beauty",
                    new String[] {"Nivea", "Balea", "Weleda", "Sebamed"},
                    new double[] {1.3, 0.7, 1.6, 1.4},
                    List.of(
                            line("Feuchtigkeitscreme", "Moisturising cream", "50 ml", 4.49, "Hauttyp", "normal", "Skin type", "normal"),
                            line("Duschgel sensitiv", "Sensitive shower gel", "250 ml", 1.95, "pH-Wert", "5,5", "pH", "5.5"),
                            line("Shampoo Repair", "Repair shampoo", "300 ml", 2.95, "Haartyp", "strapaziert", "Hair type", "damaged"),
                            line("Lippenpflege", "Lip balm", "4,8 g", 1.75, "LSF", "15", "SPF", "15"),
                            line("Sonnenspray LSF 30", "Sun spray SPF 30", "200 ml", 8.95, "LSF", "30", "SPF", "30"),
                            line("Deo Roll-on", "Roll-on deodorant", "50 ml", 1.95, "Wirkdauer", "48 h", "Protection", "48 h"),
                            line("Handcreme", "Hand cream", "75 ml", 2.45, "Hauttyp", "trocken", "Skin type", "dry"),
                            line("Zahnpasta Kräuter", "Herbal toothpaste", "75 ml", 1.45, "Fluorid", "1450 ppm", "Fluoride", "1450 ppm"))),
            new CategoryData("apparel", "Bekleidung", "Apparel",
                    new String[] {"Armedangels", "Trigema", "Hessnatur", "Basics"},
                    new double[] {1.5, 1.2, 1.7, 0.6},
                    List.of(
                            line("T-Shirt Rundhals", "Crew-neck T-shirt", "S–XXL", 19.99, "Material", "100 % Bio-Baumwolle", "Material", "100% organic cotton"),
                            line("Kapuzenpullover", "Hoodie", "S–XXL", 49.99, "Material", "80 % Baumwolle", "Material", "80% cotton"),
                            line("Jeans Slim Fit", "Slim-fit jeans", "28–38", 69.99, "Material", "98 % Baumwolle", "Material", "98% cotton"),
                            line("Strickjacke Merino", "Merino cardigan", "S–XL", 79.99, "Material", "100 % Merinowolle", "Material", "100% merino wool"),
                            line("Regenjacke", "Rain jacket", "S–XXL", 89.99, "Wassersäule", "10.000 mm", "Waterproofing", "10,000 mm"),
                            line("Chino", "Chinos", "28–38", 59.99, "Material", "97 % Baumwolle", "Material", "97% cotton"),
                            line("Socken 3er-Pack", "Socks, pack of 3", "39–46", 12.99, "Material", "Bio-Baumwolle", "Material", "organic cotton"),
                            line("Leinenhemd", "Linen shirt", "S–XXL", 54.99, "Material", "100 % Leinen", "Material", "100% linen"))),
            new CategoryData("shoes", "Schuhe", "Shoes",
                    new String[] {"Adidas", "Puma", "Lowa", "Ecco"},
                    new double[] {1.2, 1.0, 1.5, 1.4},
                    List.of(
                            line("Laufschuh Neutral", "Neutral running shoe", "38–47", 119.99, "Sprengung", "10 mm", "Drop", "10 mm"),
                            line("Sneaker Leder", "Leather sneaker", "36–46", 89.99, "Obermaterial", "Leder", "Upper", "leather"),
                            line("Wanderschuh GTX", "Hiking boot GTX", "38–47", 179.99, "Membran", "Gore-Tex", "Membrane", "Gore-Tex"),
                            line("Trailrunning-Schuh", "Trail running shoe", "38–47", 139.99, "Profil", "5 mm", "Lug depth", "5 mm"),
                            line("Hallenschuh", "Indoor court shoe", "36–47", 79.99, "Sohle", "non-marking", "Sole", "non-marking"),
                            line("Sandale", "Sandal", "36–46", 59.99, "Fußbett", "Kork", "Footbed", "cork"),
                            line("Winterstiefel", "Winter boot", "36–46", 149.99, "Futter", "Lammfell", "Lining", "sheepskin"),
                            line("Slipper", "Slip-on", "36–46", 69.99, "Obermaterial", "Textil", "Upper", "textile"))),
            new CategoryData("electronics", "Elektronik", "Electronics",
                    new String[] {"Anker", "Sony", "Philips", "JBL"},
                    new double[] {0.9, 1.4, 1.1, 1.2},
                    List.of(
                            line("USB-C Ladegerät 65 W", "65 W USB-C charger", "1 Stück", 39.99, "Leistung", "65 W", "Power", "65 W"),
                            line("Bluetooth-Kopfhörer", "Bluetooth headphones", "1 Stück", 129.99, "Akkulaufzeit", "30 h", "Battery life", "30 h"),
                            line("Powerbank 10.000 mAh", "10,000 mAh power bank", "1 Stück", 29.99, "Kapazität", "10.000 mAh", "Capacity", "10,000 mAh"),
                            line("Bluetooth-Lautsprecher", "Bluetooth speaker", "1 Stück", 79.99, "Schutzklasse", "IP67", "Protection", "IP67"),
                            line("LED-Lampe E27", "LED bulb E27", "2 Stück", 9.99, "Lichtstrom", "806 lm", "Luminous flux", "806 lm"),
                            line("USB-C Kabel 2 m", "USB-C cable 2 m", "1 Stück", 12.99, "Länge", "2 m", "Length", "2 m"),
                            line("In-Ear-Kopfhörer", "In-ear headphones", "1 Stück", 59.99, "Akkulaufzeit", "8 h", "Battery life", "8 h"),
                            line("Elektrische Zahnbürste", "Electric toothbrush", "1 Stück", 49.99, "Putzmodi", "3", "Modes", "3"))),
            new CategoryData("sports", "Sport", "Sports",
                    new String[] {"Decathlon Kalenji", "Schildkröt", "Deuter", "Salomon"},
                    new double[] {0.6, 0.9, 1.4, 1.5},
                    List.of(
                            line("Yogamatte", "Yoga mat", "183 × 61 cm", 24.99, "Stärke", "6 mm", "Thickness", "6 mm"),
                            line("Trinkflasche 0,75 l", "Water bottle 0.75 l", "1 Stück", 14.99, "BPA-frei", "ja", "BPA-free", "yes"),
                            line("Tagesrucksack 20 l", "Daypack 20 l", "1 Stück", 69.99, "Volumen", "20 l", "Volume", "20 l"),
                            line("Laufshirt", "Running shirt", "S–XXL", 24.99, "Material", "Polyester recycelt", "Material", "recycled polyester"),
                            line("Kurzhantel-Set", "Dumbbell set", "2 × 5 kg", 39.99, "Gewicht", "10 kg", "Weight", "10 kg"),
                            line("Springseil", "Skipping rope", "3 m", 9.99, "Kugellager", "ja", "Ball bearings", "yes"),
                            line("Tischtennisschläger", "Table tennis bat", "1 Stück", 19.99, "Belag", "1,8 mm", "Rubber", "1.8 mm"),
                            line("Stirnlampe", "Head torch", "1 Stück", 29.99, "Leuchtkraft", "300 lm", "Brightness", "300 lm"))));

    private DemoCatalog() {
    }

    /** The demo stores. */
    public static List<Store> stores() {
        return STORES;
    }

    /** Category id → names. */
    public static Map<String, Map<String, String>> categories() {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (CategoryData c : CATEGORIES) {
            result.put(c.id, names(c.de, c.en));
        }
        return result;
    }

    /** The demo products, always the same. */
    public static List<Product> products() {
        List<Product> products = new ArrayList<>();
        int seq = 0;
        for (CategoryData category : CATEGORIES) {
            for (Line line : category.lines) {
                for (int b = 0; b < category.brands.length; b++) {
                    seq++;
                    products.add(product(seq, category, line, b));
                }
            }
        }
        return products;
    }

    private static Product product(int seq, CategoryData category, Line line, int brandIndex) {
        String brand = category.brands[brandIndex];
        BigDecimal price = BigDecimal.valueOf(line.basePrice * category.brandFactors[brandIndex])
                .setScale(1, RoundingMode.HALF_UP).add(new BigDecimal("0.09"));
        Map<String, String> names = names(line.de, line.en);
        Map<String, String> descriptions = names(
                line.de + " von " + brand + ", " + line.size + ". Ausgewählte Qualität für jeden Tag.",
                line.en + " by " + brand + ", " + line.size + ". Selected quality for every day.");
        boolean organic = brand.equals("Bioland") || brand.equals("Demeter") || brand.equals("Berchtesgadener Land")
                || brand.equals("Weleda") || brand.equals("Armedangels") || brand.equals("Hessnatur") || brand.equals("Bionade");
        Map<String, Map<String, String>> attributes = Map.of(
                "de", ordered("Marke", brand, "Inhalt", line.size, line.attrDe, line.valueDe, "Bio", organic ? "ja" : "nein"),
                "en", ordered("Brand", brand, "Content", line.size, line.attrEn, line.valueEn, "Organic", organic ? "yes" : "no"));
        Map<String, Integer> stock = new LinkedHashMap<>();
        for (int s = 0; s < STORES.size(); s++) {
            stock.put(STORES.get(s).id(), (seq * 31 + s * 17) % 61);
        }
        return new Product(gtin(seq), names, brand, category.id, new Money(price, "EUR"), descriptions, attributes, stock);
    }

    /** Mostly EAN-13 with a German prefix; every 20th an EAN-8, every 30th a UPC-A (imported goods). */
    static Gtin gtin(int seq) {
        if (seq % 30 == 0) {
            return Gtin.withCheckDigit("0" + String.format("%05d%05d", 72500 + seq % 7, seq));
        }
        if (seq % 20 == 0) {
            return Gtin.withCheckDigit(String.format("4%06d", 250_000 + seq));
        }
        return Gtin.withCheckDigit(String.format("40%05d%05d", 12_345 + (seq % 9) * 1_111, seq));
    }

    private static Map<String, String> names(String de, String en) {
        return ordered("de", de, "en", en);
    }

    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V value = (V) keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value);
        }
        return map;
    }

    private static Line line(String de, String en, String size, double basePrice, String attrDe, String valueDe,
                             String attrEn, String valueEn) {
        return new Line(de, en, size, basePrice, attrDe, valueDe, attrEn, valueEn);
    }

    private record Line(String de, String en, String size, double basePrice, String attrDe, String valueDe,
                        String attrEn, String valueEn) {
    }

    private record CategoryData(String id, String de, String en, String[] brands, double[] brandFactors, List<Line> lines) {
    }
}
