package com.example.inventory.stock.model;

import com.example.inventory.stock.InsufficientStockException;
import com.example.inventory.stock.model.LocationAllocation.Fits;
import com.example.inventory.stock.model.LocationAllocation.Line;
import com.example.inventory.stock.model.LocationAllocation.Outcome;
import com.example.inventory.stock.model.LocationAllocation.Row;
import com.example.inventory.stock.model.LocationAllocation.Shortage;
import com.example.inventory.stock.model.LocationAllocation.Take;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The allocation rule of contract v1.2 §2, without a database, as a table. Notation:
 * <ul>
 *   <li>stock: {@code W1/0: A=5 B=1; W2/10: B=5} — location W1 of priority 0 has 5 of A and 1 of B available, …</li>
 *   <li>order: {@code 3 A, 2 B @W2} — 3 units of A (allocated), 2 units of B pinned to W2</li>
 *   <li>outcome when it fits: per line, where its units come from in the order taken — {@code 3 W1, 1 W1 + 1 W2};
 *       when it does not: {@code line 1 short: 1 of 2 B} (line 1, counted from 0, asks for 2 of B and could get 1)</li>
 * </ul>
 */
class LocationAllocationTests {

    private static final Pattern LINE = Pattern.compile("(\\d+) (\\S+)(?: @(\\S+))?");

    @ParameterizedTest(name = "{0}: [{1}] ← [{2}] = [{3}]")
    @CsvSource(delimiter = '|', textBlock = """
            # One location shop (DEFAULT only): the single-row rule of today
            default only, fits                    | DEFAULT/0: A=5                    | 3 A               | 3 DEFAULT
            default only, exact fit               | DEFAULT/0: A=5                    | 5 A               | 5 DEFAULT
            default only, one over                | DEFAULT/0: A=5                    | 6 A               | line 0 short: 5 of 6 A
            default only, nothing left            | DEFAULT/0: A=0                    | 1 A               | line 0 short: 0 of 1 A
            default only, two lines fit           | DEFAULT/0: A=5 B=1                | 5 A, 1 B          | 5 DEFAULT, 1 DEFAULT
            default only, second line short       | DEFAULT/0: A=5 B=1                | 2 A, 2 B          | line 1 short: 1 of 2 B
            default only, first short line named  | DEFAULT/0: A=1 B=1                | 2 A, 2 B          | line 0 short: 1 of 2 A
            default only, pinned to DEFAULT       | DEFAULT/0: A=5                    | 5 A @DEFAULT      | 5 DEFAULT

            # One location suffices: the preferred one, even when another could too
            preferred of two that could           | W1/0: A=5; W2/10: A=5             | 3 A               | 3 W1
            priority decides, not code or rows    | B/2: A=5; Z/1: A=5                | 3 A               | 3 Z
            tie on priority: code decides         | NORTH/5: A=5; EAST/5: A=5         | 3 A               | 3 EAST
            no split when one location can serve  | W1/0: A=2; W2/10: A=10            | 5 A               | 5 W2
            order kept whole at a lesser location | W1/0: A=5; W2/10: A=5 B=5         | 3 A, 3 B          | 3 W2, 3 W2
            whole order, exact fit at preferred   | W1/0: A=3 B=2; W2/10: A=9 B=9     | 3 A, 2 B          | 3 W1, 2 W1
            whole order, one over at preferred    | W1/0: A=3 B=2; W2/10: A=9 B=9     | 3 A, 3 B          | 3 W2, 3 W2
            one location holds both lines of A    | W1/0: A=5; W2/10: A=9             | 3 A, 3 A          | 3 W2, 3 W2

            # No location serves the whole order: line by line, each from the locations in preference order
            lines spread over two locations       | W1/0: A=5; W2/10: B=5             | 3 A, 2 B          | 3 W1, 2 W2
            the preferred gives what it has first | W1/0: A=5 B=1; W2/10: B=5         | 3 A, 2 B          | 3 W1, 1 W1 + 1 W2
            two lines of a SKU share its rows     | W1/0: A=4; W2/10: A=4             | 3 A, 3 A          | 3 W1, 1 W1 + 2 W2
            split in priority order               | W3/20: A=2; W1/0: A=2; W2/10: A=2 | 5 A               | 2 W1 + 2 W2 + 1 W3
            split, exact fit                      | W1/0: A=2; W2/10: A=3             | 5 A               | 2 W1 + 3 W2
            split, one over                       | W1/0: A=2; W2/10: A=3             | 6 A               | line 0 short: 5 of 6 A
            split skips empty rows                | W1/0: A=0; W2/10: A=3; W3/20: A=4 | 5 A               | 3 W2 + 2 W3
            split on a tie: code decides          | NORTH/5: A=2; EAST/5: A=2         | 3 A               | 2 EAST + 1 NORTH
            one line split, the other whole       | W1/0: A=2 B=5; W2/10: A=2         | 3 A, 4 B          | 2 W1 + 1 W2, 4 W1
            second line short everywhere          | W1/0: A=5 B=1; W2/10: B=1         | 1 A, 3 B          | line 1 short: 2 of 3 B
            a line sees what the one before left  | W1/0: A=4; W2/10: A=4             | 3 A, 6 A          | line 1 short: 5 of 6 A

            # Pinned lines take only from their location
            pinned, though another is preferred   | W1/0: A=5; W2/10: A=5             | 3 A @W2           | 3 W2
            pinned, exact fit                     | W1/0: A=5; W2/10: A=3             | 3 A @W2           | 3 W2
            pinned, short though another has      | W1/0: A=9; W2/10: A=2             | 3 A @W2           | line 0 short: 2 of 3 A
            pinned where the SKU has no row       | W1/0: A=9; W2/10: B=2             | 1 A @W2           | line 0 short: 0 of 1 A
            pinned to an unknown location         | W1/0: A=9                         | 1 A @NOWHERE      | line 0 short: 0 of 1 A
            a SKU without rows                    | W1/0: A=9                         | 1 Z               | line 0 short: 0 of 1 Z

            # Pinned and unpinned together: pinned lines take first, the others take from what they left
            pinned and unpinned, other SKUs       | W1/0: A=5 B=5; W2/10: A=5         | 2 A @W2, 3 B      | 2 W2, 3 W1
            same row: the unpinned line moves on  | W1/0: A=5; W2/10: A=5             | 4 A @W1, 3 A      | 4 W1, 3 W2
            same row: the unpinned line splits    | W1/0: A=5; W2/10: A=2             | 4 A @W1, 3 A      | 4 W1, 1 W1 + 2 W2
            same row, exact fit                   | W1/0: A=5                         | 2 A @W1, 3 A      | 2 W1, 3 W1
            same row, one over                    | W1/0: A=5                         | 2 A @W1, 4 A      | line 1 short: 3 of 4 A
            pinned after unpinned takes first     | W1/0: A=5; W2/10: A=5             | 3 A, 4 A @W1      | 3 W2, 4 W1
            a short pinned line is named first    | W1/0: A=1 B=1                     | 5 B, 2 A @W1      | line 1 short: 1 of 2 A
            pinned short, unpinned would fit      | W1/0: A=5 B=1; W2/10: B=9         | 3 A, 2 B @W1      | line 1 short: 1 of 2 B
            unpinned kept together beside pinned  | W1/0: A=5 B=5; W2/10: A=5 B=5     | 1 A @W2, 2 A, 2 B | 1 W2, 2 W1, 2 W1


            """)
    void allocates(String name, String stock, String order, String outcome) {
        List<Line> lines = lines(order);

        Outcome allocated = LocationAllocation.allocate(lines, rows(stock));

        assertThat(render(allocated)).isEqualTo(outcome);
        if (allocated instanceof Fits fits) {
            assertThat(fits.lines()).hasSameSizeAs(lines);
            for (int index = 0; index < lines.size(); index++) {
                List<Take> takes = fits.line(index);
                assertThat(takes).as("line %d: no empty take", index)
                        .allSatisfy(take -> assertThat(take.quantity()).isPositive());
                assertThat(takes.stream().mapToInt(Take::quantity).sum()).as("line %d: all its units", index)
                        .isEqualTo(lines.get(index).quantity());
            }
        }
    }

    @Test
    void sumsWhatSeveralLocationsHoldBeyondAnInt() {
        Outcome allocated = LocationAllocation.allocate(lines("2147483647 A"),
                rows("W1/0: A=1000000000; W2/10: A=1000000000; W3/20: A=1000000000"));

        assertThat(render(allocated)).isEqualTo("1000000000 W1 + 1000000000 W2 + 147483647 W3");
        assertThat(LocationAllocation.allocate(lines("2147483647 A"), rows("W1/0: A=1000000000; W2/10: A=1000000000")))
                .isEqualTo(new Shortage(0, "A", Integer.MAX_VALUE, 2_000_000_000));
    }

    @Test
    void aShortageIsTheInsufficientStockOfItsLine() {
        Outcome allocated = LocationAllocation.allocate(lines("1 A, 4 B"), rows("W1/0: A=5 B=1; W2/10: B=2"));

        assertThat(allocated).isEqualTo(new Shortage(1, "B", 4, 3));
        assertThat(((Shortage) allocated).exception()).isInstanceOfSatisfying(InsufficientStockException.class,
                refusal -> {
                    assertThat(refusal.sku()).isEqualTo("B");
                    assertThat(refusal.requested()).isEqualTo(4);
                    assertThat(refusal.available()).isEqualTo(3);
                });
    }

    @Test
    void refusesRowsThatContradictEachOther() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocationAllocation.allocate(lines("1 A"), rows("W1/0: A=1 A=2")))
                .withMessageContaining("two rows of A at W1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocationAllocation.allocate(lines("1 A"), rows("W1/0: A=1; W1/5: B=1")))
                .withMessageContaining("W1 has two priorities");
        assertThatIllegalArgumentException().isThrownBy(() -> new Row("A", "W1", 0, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> Line.allocated("A", 0));
    }

    /** {@code W1/0: A=5 B=1; W2/10: B=5}. */
    private static List<Row> rows(String stock) {
        List<Row> rows = new ArrayList<>();
        for (String location : stock.split(";")) {
            String[] codeAndRows = location.split(":");
            String[] codeAndPriority = codeAndRows[0].trim().split("/");
            for (String row : codeAndRows[1].trim().split(" +")) {
                String[] skuAndAvailable = row.split("=");
                rows.add(new Row(skuAndAvailable[0], codeAndPriority[0], Integer.parseInt(codeAndPriority[1]),
                        Integer.parseInt(skuAndAvailable[1])));
            }
        }
        return rows;
    }

    /** {@code 3 A, 2 B @W2}. */
    private static List<Line> lines(String order) {
        return Arrays.stream(order.split(",")).map(String::trim).map(line -> {
            Matcher matcher = LINE.matcher(line);
            assertThat(matcher.matches()).as("a line: %s", line).isTrue();
            return new Line(matcher.group(2), Integer.parseInt(matcher.group(1)), matcher.group(3));
        }).toList();
    }

    private static String render(Outcome outcome) {
        return switch (outcome) {
            case Fits fits -> IntStream.range(0, fits.lines().size())
                    .mapToObj(index -> fits.line(index).stream().map(take -> take.quantity() + " " + take.location())
                            .collect(Collectors.joining(" + ")))
                    .collect(Collectors.joining(", "));
            case Shortage shortage -> "line %d short: %d of %d %s".formatted(shortage.line(), shortage.available(),
                    shortage.requested(), shortage.sku());
        };
    }
}
