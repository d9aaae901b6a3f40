package io.lodestone.streams.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReutersSgmlReaderTest {

  @Test
  void readsLabelsTextAndDateOfEachStory() {
    String sgml = """
        <!DOCTYPE lewis SYSTEM "lewis.dtd">
        <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="7">
        <DATE>26-FEB-1987 15:01:01.79</DATE>
        <TOPICS><D>copper</D><D>strategic-metal</D></TOPICS>
        <PLACES><D>chile</D><D>west-germany</D></PLACES>
        <ORGS></ORGS>
        <TEXT>&#2;
        <TITLE>CODELCO &lt;CDL> RAISES OUTPUT</TITLE>
        <DATELINE>    SANTIAGO, Feb 26 - </DATELINE><BODY>Output rose &amp; exports grew.
         Reuter
        &#3;</BODY></TEXT>
        </REUTERS>
        <REUTERS NEWID="3"><DATE>bad date</DATE><TEXT><BODY>Short.</BODY></TEXT></REUTERS>
        <REUTERS NEWID="996"><DATE> 3-MAR-1987  09:15:05.40</DATE><TEXT><BODY>Spaced.</BODY></TEXT></REUTERS>
        """;

    List<String> problems = new ArrayList<>();
    List<ReutersStory> stories = ReutersSgmlReader.parse(sgml, "reut2-x.sgm", problems::add);

    assertThat(stories).hasSize(3);
    ReutersStory story = stories.get(0);
    assertThat(story.newId()).isEqualTo(7);
    assertThat(story.url()).isEqualTo("urn:reuters21578:7");
    assertThat(story.date()).isEqualTo(Instant.parse("1987-02-26T15:01:01Z"));
    assertThat(story.topics()).containsExactly("copper", "strategic-metal");
    assertThat(story.places()).containsExactly("chile", "west-germany");
    assertThat(story.title()).isEqualTo("CODELCO <CDL> RAISES OUTPUT");
    assertThat(story.dateline()).isEqualTo("SANTIAGO, Feb 26 -");
    assertThat(story.body()).isEqualTo("Output rose & exports grew.");
    assertThat(stories.get(1).date()).isNull();
    assertThat(stories.get(1).title()).isEmpty();
    assertThat(stories.get(2).date()).as("two spaces before the time, as in NEWIDs 996, 1045 and 1199")
        .isEqualTo(Instant.parse("1987-03-03T09:15:05Z"));
    assertThat(problems).isEmpty();
  }

  @Test
  void namesWhatItCannotReadAndReadsTheRest() {
    String sgml = """
        <REUTERS NEWID="1"><TEXT><BODY>First.</BODY></TEXT></REUTERS>
        <REUTERS OLDID="9"><TEXT><BODY>No id.</BODY></TEXT></REUTERS>
        <REUTERS NEWID="2"><TEXT><BODY>Second.</BODY></TEXT></REUTERS>
        <REUTERS NEWID="4"><TEXT><BODY>Left open
        <REUTERS NEWID="5"><TEXT><BODY>Fifth.</BODY></TEXT></REUTERS>
        <REUTERS NEWID="3"><TEXT><BODY>Cut off in the mid
        """;
    List<String> problems = new ArrayList<>();

    List<ReutersStory> stories = ReutersSgmlReader.parse(sgml, "reut2-x.sgm", problems::add);

    assertThat(stories).extracting(ReutersStory::newId).containsExactly(1, 2, 5);
    assertThat(stories.get(2).body()).isEqualTo("Fifth.");
    assertThat(problems).containsExactly("reut2-x.sgm: the story on line 2 has no NEWID; not read",
        "reut2-x.sgm: the story on line 4 has no </REUTERS> before the next story; not read",
        "reut2-x.sgm: the story on line 6 has no </REUTERS> (a truncated file?); not read");
  }

  @Test
  void aFileOrDirectoryWithoutStoriesIsNamed(@TempDir Path dir) throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.sgm"), "hello");
    List<String> problems = new ArrayList<>();

    assertThat(ReutersSgmlReader.read(notes, problems::add)).isEmpty();
    assertThat(problems).containsExactly(notes + " holds no <REUTERS> stories; is it a Reuters-21578 SGML file?");
    Files.delete(notes);
    assertThat(ReutersSgmlReader.read(dir, problems::add)).isEmpty();
    assertThat(problems).last().isEqualTo(dir + " holds no .sgm files");
    assertThatThrownBy(() -> ReutersSgmlReader.read(dir)).hasMessage(dir + " holds no .sgm files");
  }
}
