package io.jdocker.daemon.container;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * Docker's random names: {@code adjective_surname} (from moby's namesgenerator lists, shortened),
 * a digit appended on retries, and the short ID as the last resort.
 */
public final class NameGenerator {
  static final List<String> ADJECTIVES = List.of(
      "admiring", "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "beautiful", "blissful",
      "bold", "boring", "brave", "busy", "charming", "clever", "compassionate", "competent", "condescending",
      "confident", "cool", "cranky", "crazy", "dazzling", "determined", "distracted", "dreamy", "eager",
      "ecstatic", "elastic", "elated", "elegant", "eloquent", "epic", "exciting", "fervent", "festive",
      "flamboyant", "focused", "friendly", "frosty", "funny", "gallant", "gifted", "goofy", "gracious", "great",
      "happy", "hardcore", "heuristic", "hopeful", "hungry", "infallible", "inspiring", "intelligent",
      "interesting", "jolly", "jovial", "keen", "kind", "laughing", "loving", "lucid", "magical", "modest",
      "musing", "mystifying", "naughty", "nervous", "nice", "nifty", "nostalgic", "objective", "optimistic",
      "peaceful", "pedantic", "pensive", "practical", "priceless", "quirky", "quizzical", "recursing", "relaxed",
      "reverent", "romantic", "sad", "serene", "sharp", "silly", "sleepy", "stoic", "strange", "stupefied",
      "suspicious", "sweet", "tender", "thirsty", "trusting", "unruffled", "upbeat", "vibrant", "vigilant",
      "vigorous", "wizardly", "wonderful", "xenodochial", "youthful", "zealous", "zen");

  static final List<String> SURNAMES = List.of(
      "agnesi", "albattani", "allen", "almeida", "antonelli", "archimedes", "ardinghelli", "aryabhata", "austin",
      "babbage", "banach", "banzai", "bardeen", "bartik", "bassi", "beaver", "bell", "benz", "bhabha", "bhaskara",
      "black", "blackburn", "blackwell", "bohr", "booth", "borg", "bose", "bouman", "boyd", "brahmagupta",
      "brattain", "brown", "buck", "burnell", "cannon", "carson", "cartwright", "carver", "cerf", "chandrasekhar",
      "chaplygin", "chatelet", "chatterjee", "chaum", "chebyshev", "clarke", "cohen", "colden", "cori", "cray",
      "curie", "curran", "darwin", "davinci", "dewdney", "dhawan", "diffie", "dijkstra", "dirac", "driscoll",
      "dubinsky", "easley", "edison", "einstein", "elbakyan", "elgamal", "elion", "ellis", "engelbart", "euclid",
      "euler", "faraday", "feistel", "fermat", "fermi", "feynman", "franklin", "gagarin", "galileo", "galois",
      "ganguly", "gates", "gauss", "germain", "goldberg", "goldstine", "goldwasser", "golick", "goodall", "gould",
      "greider", "grothendieck", "haibt", "hamilton", "haslett", "hawking", "heisenberg", "hellman", "hermann",
      "herschel", "hertz", "heyrovsky", "hodgkin", "hofstadter", "hoover", "hopper", "hugle", "hypatia",
      "ishizaka", "jackson", "jang", "jemison", "jennings", "jepsen", "johnson", "joliot", "jones", "kalam",
      "kapitsa", "kare", "keldysh", "keller", "kepler", "khayyam", "khorana", "kilby", "kirch", "knuth",
      "kowalevski", "lalande", "lamarr", "lamport", "leakey", "leavitt", "lederberg", "lehmann", "lewin",
      "lichterman", "liskov", "lovelace", "lumiere", "mahavira", "margulis", "matsumoto", "maxwell", "mayer",
      "mccarthy", "mcclintock", "mclaren", "mclean", "mcnulty", "meitner", "mendel", "mendeleev", "meninsky",
      "merkle", "mestorf", "mirzakhani", "montalcini", "moore", "morse", "moser", "murdock", "napier", "nash",
      "neumann", "newton", "nightingale", "nobel", "noether", "northcutt", "noyce", "panini", "pare", "pascal",
      "pasteur", "payne", "perlman", "pike", "poincare", "poitras", "proskuriakova", "ptolemy", "raman",
      "ramanujan", "rhodes", "ride", "ritchie", "robinson", "roentgen", "rosalind", "rubin", "saha", "sammet",
      "sanderson", "satoshi", "shamir", "shannon", "shaw", "shirley", "shockley", "shtern", "sinoussi", "snyder",
      "solomon", "spence", "stonebraker", "sutherland", "swanson", "swartz", "swirles", "taussig", "tesla",
      "tharp", "thompson", "torvalds", "tu", "turing", "varahamihira", "vaughan", "villani", "visvesvaraya",
      "volhard", "wescoff", "wilbur", "wiles", "williams", "williamson", "wilson", "wing", "wozniak", "wright",
      "wu", "yalow", "yonath", "zhukovsky");

  private static final int ATTEMPTS = 6;

  private final IntUnaryOperator random;

  public NameGenerator() {
    this(bound -> ThreadLocalRandom.current().nextInt(bound));
  }

  /** {@code random.applyAsInt(n)} returns a number in [0, n); tests pass a fixed sequence. */
  public NameGenerator(IntUnaryOperator random) {
    this.random = random;
  }

  /** One candidate; {@code retry > 0} appends a digit, as moby's {@code GetRandomName(retry)}. */
  public String candidate(int retry) {
    while (true) {
      String name = ADJECTIVES.get(random.applyAsInt(ADJECTIVES.size())) + "_"
          + SURNAMES.get(random.applyAsInt(SURNAMES.size()));
      // Steve Wozniak is not boring (moby's own exception).
      if (name.equals("boring_wozniak")) {
        continue;
      }
      return retry > 0 ? name + random.applyAsInt(10) : name;
    }
  }

  /**
   * A name that {@code reserve} accepted (it returns false when the name is taken). After a few
   * collisions the short ID is used, as dockerd does.
   */
  public String generate(ContainerId id, Predicate<String> reserve) {
    for (int retry = 0; retry < ATTEMPTS; retry++) {
      String name = candidate(retry);
      if (reserve.test(name)) {
        return name;
      }
    }
    String fallback = id.shortId();
    if (!reserve.test(fallback)) {
      throw new IllegalStateException("no free name for container " + id);
    }
    return fallback;
  }
}
