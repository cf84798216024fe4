package io.minxin.notice.bulletin;

import io.minxin.notice.bulletin.Bulletin.Block;
import io.minxin.notice.bulletin.Bulletin.Heading;
import io.minxin.notice.bulletin.Bulletin.Item;
import io.minxin.notice.bulletin.Bulletin.Paragraph;
import io.minxin.notice.bulletin.Bulletin.Run;
import io.minxin.notice.bulletin.Bulletin.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJcTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * DOCX in the 公文 layout of GB/T 9704-2012 as far as a generated file can follow it: A4 with the standard
 * margins, 22 lines per page, red 发文机关标志 and separator line, 2号小标宋 title, 3号仿宋 body, 4号宋体 page
 * numbers outside (odd right, even left). Fonts missing on the reader's machine fall back through the font
 * table's alternative names.
 */
final class DocxWriter {

    private static final String RED = "FF0000";
    private static final String BLACK = "000000";
    private static final XWPFTable.XWPFBorderType SINGLE = XWPFTable.XWPFBorderType.SINGLE;
    private static final String XIAOBIAOSONG = "方正小标宋简体";
    private static final String FANGSONG = "仿宋_GB2312";
    private static final String KAITI = "楷体_GB2312";
    private static final String HEITI = "黑体";
    private static final String SONGTI = "宋体";

    private static final int ISSUER_PT = 26; // 一号
    private static final int TITLE_PT = 22; // 二号
    private static final int BODY_PT = 16; // 三号
    private static final int IMPRINT_PT = 14; // 四号

    // sizes in twentieths of a point (twips)
    private static final int PAGE_WIDTH = 11906;
    private static final int PAGE_HEIGHT = 16838;
    private static final int MARGIN_TOP = twips(37);
    private static final int MARGIN_BOTTOM = twips(35);
    private static final int MARGIN_LEFT = twips(28);
    private static final int MARGIN_RIGHT = twips(26);
    private static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    // 22 lines on the 225 mm high 版心
    private static final int LINE = 579;
    // 28 characters on the 156 mm wide 版心 (8844 twips): 3号 characters 5 twips (0.25 pt) closer than their
    // size. Not a character grid (docGrid linesAndChars): LibreOffice gives a character wider than the grid's
    // pitch two cells of it, 14 characters a line.
    static final int CHAR_SPACING = -5;
    private static final int BODY_CHAR = BODY_PT * 20;
    private static final int IMPRINT_CHAR = IMPRINT_PT * 20;

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    // characters XML 1.0 cannot carry; a document with them would not open
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DocxWriter() {}

    static byte[] write(Bulletin bulletin) {
        try (XWPFDocument doc = new XWPFDocument()) {
            defaults(doc);
            masthead(doc, bulletin.masthead());
            title(doc, bulletin);
            double tablePt = TableLayout.pointSize(tables(bulletin.body()), TEXT_WIDTH);
            for (Block block : bulletin.body()) {
                block(doc, block, tablePt);
            }
            imprint(doc, bulletin.imprint());
            page(doc);
            if (bulletin.draftMark() != null) {
                draftMark(doc, bulletin.draftMark());
            }
            properties(doc, bulletin);
            fontTable(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return withFixedTimes(out.toByteArray(), bulletin.issueDate().atStartOfDay());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("cannot add the font table", e);
        }
    }

    private static void defaults(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FANGSONG);
        fonts.setHAnsi(FANGSONG);
        fonts.setEastAsia(FANGSONG);
        fonts.setCs(FANGSONG);
        styles.setDefaultFonts(fonts);
        styles.setEastAsia("zh-CN");
        // the Normal style: 3号, 28 characters a line; every paragraph takes it
        CTStyle normal = CTStyle.Factory.newInstance();
        normal.setType(STStyleType.PARAGRAPH);
        normal.setStyleId("Normal");
        normal.setDefault(true);
        normal.addNewName().setVal("Normal");
        CTRPr size = normal.addNewRPr();
        size.addNewSpacing().setVal(BigInteger.valueOf(CHAR_SPACING));
        size.addNewSz().setVal(BigInteger.valueOf(BODY_PT * 2));
        size.addNewSzCs().setVal(BigInteger.valueOf(BODY_PT * 2));
        styles.addStyle(new XWPFStyle(normal, styles));
    }

    private static void masthead(XWPFDocument doc, Bulletin.Masthead masthead) {
        XWPFParagraph issuer = doc.createParagraph();
        issuer.setAlignment(ParagraphAlignment.CENTER);
        spacing(issuer, 0, 0, LINE * 2, STLineSpacingRule.AT_LEAST);
        offGrid(issuer);
        XWPFRun mark = run(issuer, masthead.issuerMark(), XIAOBIAOSONG, ISSUER_PT);
        mark.setColor(RED);

        XWPFParagraph numbers = doc.createParagraph();
        spacing(numbers, LINE, 0, LINE, STLineSpacingRule.EXACT);
        if (masthead.signerName().isEmpty()) {
            // 下行文 (a letter): the 发文字号 centred, the red line 4 mm below
            numbers.setAlignment(ParagraphAlignment.CENTER);
            run(numbers, masthead.documentNumber(), FANGSONG, BODY_PT);
        } else {
            // 上行文: 发文字号 left and 签发人 right on one line, each one character in, the red line 4 mm below
            numbers.setIndentationLeft(BODY_CHAR);
            tab(numbers, TEXT_WIDTH - BODY_CHAR);
            run(numbers, masthead.documentNumber(), FANGSONG, BODY_PT);
            run(numbers, "", FANGSONG, BODY_PT).addTab();
            run(numbers, masthead.signerLabel(), FANGSONG, BODY_PT);
            run(numbers, masthead.signerName(), KAITI, BODY_PT);
        }
        CTBorder line = borders(numbers).addNewBottom();
        line.setVal(STBorder.SINGLE);
        line.setSz(BigInteger.valueOf(12));
        line.setSpace(BigInteger.valueOf(11));
        line.setColor(RED);
    }

    private static void title(XWPFDocument doc, Bulletin bulletin) {
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        spacing(title, LINE * 2, 0, LINE, STLineSpacingRule.AT_LEAST);
        offGrid(title);
        run(title, bulletin.title(), XIAOBIAOSONG, TITLE_PT);

        XWPFParagraph subtitle = doc.createParagraph();
        subtitle.setAlignment(ParagraphAlignment.CENTER);
        spacing(subtitle, 0, LINE, LINE, STLineSpacingRule.EXACT);
        run(subtitle, bulletin.subtitle(), FANGSONG, BODY_PT);
    }

    private static List<Table> tables(List<Block> body) {
        return body.stream()
                .filter(Table.class::isInstance)
                .map(Table.class::cast)
                .toList();
    }

    private static void block(XWPFDocument doc, Block block, double tablePt) {
        if (block instanceof Heading heading) {
            XWPFParagraph p = text(doc);
            // a heading never ends a page
            p.setKeepNext(true);
            run(p, heading.text(), HEITI, BODY_PT);
        } else if (block instanceof Paragraph paragraph) {
            runs(text(doc), paragraph.runs());
        } else if (block instanceof Item item) {
            XWPFParagraph p = text(doc);
            run(p, item.number() + ". ", FANGSONG, BODY_PT);
            runs(p, item.runs());
        } else if (block instanceof Table table) {
            table(doc, table, tablePt);
        } else if (block instanceof Bulletin.Addressee addressee) {
            XWPFParagraph p = text(doc);
            p.setIndentationFirstLine(0);
            run(p, addressee.text(), FANGSONG, BODY_PT);
        } else if (block instanceof Bulletin.Closing closing) {
            closing(doc, closing);
        } else {
            throw new IllegalArgumentException("unknown block " + block);
        }
    }

    /**
     * 落款 without a seal (GB/T 9704 7.3.5.2): one line below the text, the date four characters in from the right,
     * the issuing body centred over the date.
     */
    private static void closing(XWPFDocument doc, Bulletin.Closing closing) {
        // never a page with the 落款 alone: the text's last paragraph goes with it
        List<XWPFParagraph> written = doc.getParagraphs();
        if (!written.isEmpty()) {
            written.get(written.size() - 1).setKeepNext(true);
        }
        text(doc).setKeepNext(true);
        double office = TableLayout.ems(closing.office());
        double date = TableLayout.ems(closing.date());
        closingLine(doc, closing.office(), 4 + (date - office) / 2).setKeepNext(true);
        closingLine(doc, closing.date(), 4);
    }

    private static XWPFParagraph closingLine(XWPFDocument doc, String text, double charactersIn) {
        XWPFParagraph p = text(doc);
        p.setIndentationFirstLine(0);
        p.setAlignment(ParagraphAlignment.RIGHT);
        p.setIndentationRight((int) Math.round(Math.max(0, charactersIn) * BODY_CHAR));
        run(p, text, FANGSONG, BODY_PT);
        return p;
    }

    private static XWPFParagraph text(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(2 * BODY_CHAR);
        spacing(p, 0, 0, LINE, STLineSpacingRule.EXACT);
        return p;
    }

    private static void runs(XWPFParagraph p, List<Run> runs) {
        for (Run run : runs) {
            XWPFRun written = run(p, run.text(), FANGSONG, BODY_PT);
            if (run.strong()) {
                written.setBold(true);
            }
        }
    }

    private static void table(XWPFDocument doc, Table table, double size) {
        XWPFParagraph caption = doc.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        caption.setKeepNext(true);
        spacing(caption, LINE / 2, LINE / 4, LINE, STLineSpacingRule.AT_LEAST);
        offGrid(caption);
        run(caption, table.caption(), HEITI, IMPRINT_PT);

        int columns = table.columns().size();
        XWPFTable grid = doc.createTable(table.rows().size() + 1, columns);
        CTTblPr properties = grid.getCTTbl().getTblPr();
        CTTblWidth width = properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(TEXT_WIDTH));
        properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
        properties.addNewJc().setVal(STJcTable.CENTER);
        grid.setCellMargins(0, TableLayout.CELL_MARGIN, 0, TableLayout.CELL_MARGIN);
        // a heavier frame than the inner lines, as printed tables of 公文 usually have
        grid.setTopBorder(SINGLE, 8, 0, BLACK);
        grid.setBottomBorder(SINGLE, 8, 0, BLACK);
        grid.setLeftBorder(SINGLE, 8, 0, BLACK);
        grid.setRightBorder(SINGLE, 8, 0, BLACK);
        grid.setInsideHBorder(SINGLE, 4, 0, BLACK);
        grid.setInsideVBorder(SINGLE, 4, 0, BLACK);

        int[] widths = TableLayout.widths(table, size, TEXT_WIDTH);
        CTTblGrid tblGrid = grid.getCTTbl().getTblGrid() != null
                ? grid.getCTTbl().getTblGrid()
                : grid.getCTTbl().addNewTblGrid();
        for (int w : widths) {
            tblGrid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        fillRow(grid.getRow(0), table.columns(), widths, HEITI, size);
        grid.getRow(0).setRepeatHeader(true);
        // the header stays with the first row: LibreOffice otherwise leaves it alone at the foot of a page with
        // the first row, which may not split, half drawn under it and the other rows lost
        grid.getRow(0).getTableCells().forEach(cell -> cell.getParagraphArray(0).setKeepNext(true));
        for (int r = 0; r < table.rows().size(); r++) {
            fillRow(grid.getRow(r + 1), table.rows().get(r), widths, FANGSONG, size);
        }
        // half a line under the table: the text after it does not touch its frame
        XWPFParagraph after = doc.createParagraph();
        spacing(after, 0, 0, LINE / 2, STLineSpacingRule.EXACT);
        offGrid(after);
    }

    private static void fillRow(XWPFTableRow row, List<String> cells, int[] widths, String font, double size) {
        // a row is never broken across pages ("盘锦市兴隆台 / 区城市管理…" on two pages)
        row.setCantSplitRow(true);
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            // the cell's one tcPr, which setVerticalAlignment made: a second one makes LibreOffice lose rows
            CTTcPr cellProperties = cell.getCTTc().isSetTcPr()
                    ? cell.getCTTc().getTcPr()
                    : cell.getCTTc().addNewTcPr();
            CTTblWidth width = cellProperties.addNewTcW();
            width.setType(STTblWidth.DXA);
            width.setW(BigInteger.valueOf(widths[c]));
            XWPFParagraph p = cell.getParagraphArray(0);
            p.setAlignment(ParagraphAlignment.CENTER);
            // off the body's line grid: a cell's lines are as high as its smaller text needs
            offGrid(p);
            spacing(p, 0, 0, (int) Math.round(size * 20 * 1.5), STLineSpacingRule.AT_LEAST);
            run(p, cells.get(c), font, size);
        }
    }

    private static void imprint(XWPFDocument doc, Bulletin.Imprint imprint) {
        XWPFParagraph gap = doc.createParagraph();
        spacing(gap, 0, 0, LINE, STLineSpacingRule.EXACT);
        gap.setKeepNext(true);

        List<String> lines = imprint.distribution();
        for (int i = 0; i < lines.size(); i++) {
            XWPFParagraph p = imprintLine(doc);
            // a hanging indent keeps a long list aligned after "报："
            p.setIndentationHanging(2 * IMPRINT_CHAR);
            p.setIndentationLeft(3 * IMPRINT_CHAR);
            distributionLines(p, lines.get(i));
            if (i == 0) {
                border(borders(p).addNewTop(), 8);
            }
            if (i == lines.size() - 1) {
                border(borders(p).addNewBottom(), 6);
            }
        }
        XWPFParagraph issued = imprintLine(doc);
        issued.setIndentationLeft(IMPRINT_CHAR);
        tab(issued, TEXT_WIDTH - IMPRINT_CHAR);
        run(issued, imprint.issuingOffice(), FANGSONG, IMPRINT_PT);
        run(issued, "", FANGSONG, IMPRINT_PT).addTab();
        run(issued, imprint.issuedOn(), FANGSONG, IMPRINT_PT);
        if (lines.isEmpty()) {
            border(borders(issued).addNewTop(), 8);
        }
        border(borders(issued).addNewBottom(), 8);
    }

    /**
     * A 报/送 list broken after a list separator, never inside a name ("…平台单 / 位。"): each line as many names as
     * fit, the first one character in (after the hanging indent), the others three; one character short of the
     * right edge (GB/T 9704: 左右各空一字) without narrowing the paragraph, whose borders are the 版记's lines.
     */
    private static void distributionLines(XWPFParagraph p, String list) {
        double pitch = IMPRINT_PT * 20 + CHAR_SPACING;
        double first = (TEXT_WIDTH - 2 * IMPRINT_CHAR) / pitch;
        double others = (TEXT_WIDTH - 4 * IMPRINT_CHAR) / pitch;
        int start = 0;
        double room = first;
        while (TableLayout.ems(list.substring(start)) > room) {
            int end = start;
            for (int at = list.indexOf('，', start); at >= 0; at = list.indexOf('，', at + 1)) {
                if (TableLayout.ems(list.substring(start, at + 1)) > room) {
                    break;
                }
                end = at + 1;
            }
            if (end == start) {
                // one name longer than a line: the word processor breaks it
                break;
            }
            run(p, list.substring(start, end), FANGSONG, IMPRINT_PT).addBreak();
            start = end;
            room = others;
        }
        run(p, list.substring(start), FANGSONG, IMPRINT_PT);
    }

    private static XWPFParagraph imprintLine(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        // POI's setKeepNext needs the paragraph properties to exist already
        spacing(p, 0, 0, LINE, STLineSpacingRule.EXACT);
        p.setKeepNext(true);
        // 4号 lines of their own height, not on the 3号 body's line grid
        offGrid(p);
        return p;
    }

    private static void page(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(twips(15)));
        // the page number sits 7 mm below the 版心
        margins.setFooter(BigInteger.valueOf(twips(23)));
        margins.setGutter(BigInteger.ZERO);
        CTDocGrid docGrid = section.addNewDocGrid();
        docGrid.setType(STDocGrid.LINES);
        docGrid.setLinePitch(BigInteger.valueOf(LINE));

        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    /** The draft mark in the header of every page (odd and even: the document has both), red, on the right. */
    private static void draftMark(XWPFDocument doc, String mark) {
        for (HeaderFooterType type : List.of(HeaderFooterType.DEFAULT, HeaderFooterType.EVEN)) {
            XWPFParagraph p = doc.createHeader(type).createParagraph();
            p.setAlignment(ParagraphAlignment.RIGHT);
            XWPFRun run = run(p, mark, HEITI, BODY_PT);
            run.setBold(true);
            run.setColor(RED);
        }
    }

    /** "— 1 —", one character in from the outer edge. */
    private static void pageNumber(XWPFFooter footer, ParagraphAlignment alignment) {
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(alignment);
        if (alignment == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(IMPRINT_CHAR);
        } else {
            p.setIndentationLeft(IMPRINT_CHAR);
        }
        run(p, "— ", SONGTI, IMPRINT_PT);
        run(p, "", SONGTI, IMPRINT_PT).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        run(p, "", SONGTI, IMPRINT_PT).getCTR().addNewInstrText().setStringValue(" PAGE ");
        run(p, "", SONGTI, IMPRINT_PT).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", SONGTI, IMPRINT_PT);
        run(p, "", SONGTI, IMPRINT_PT).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", SONGTI, IMPRINT_PT);
    }

    private static void properties(XWPFDocument doc, Bulletin bulletin) {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        core.setTitle(clean(bulletin.title() + bulletin.subtitle()));
        core.setCreator(clean(bulletin.author()));
        // fixed dates: the same bulletin gives the same bytes
        Optional<Date> issued =
                Optional.of(Date.from(bulletin.issueDate().atStartOfDay(ZONE).toInstant()));
        core.setCreated(issued);
        core.setModified(issued);
    }

    private static void fontTable(XWPFDocument doc) throws InvalidFormatException, IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        font(xml, XIAOBIAOSONG, "宋体", "roman");
        font(xml, FANGSONG, "仿宋", "modern");
        font(xml, KAITI, "楷体", "modern");
        font(xml, HEITI, "SimHei", "modern");
        font(xml, SONGTI, "SimSun", "auto");
        xml.append("</w:fonts>");
        PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
        PackagePart part = doc.getPackage()
                .createPart(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
        try (OutputStream out = part.getOutputStream()) {
            out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
        doc.getPackagePart()
                .addRelationship(
                        name,
                        TargetMode.INTERNAL,
                        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
    }

    private static void font(StringBuilder xml, String name, String altName, String family) {
        xml.append("<w:font w:name=\"")
                .append(name)
                .append("\"><w:altName w:val=\"")
                .append(altName)
                .append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"")
                .append(family)
                .append("\"/><w:pitch w:val=\"variable\"/></w:font>");
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double size) {
        XWPFRun run = p.createRun();
        if (!text.isEmpty()) {
            run.setText(clean(text));
        }
        run.setFontFamily(font);
        run.setFontSize(size);
        return run;
    }

    private static String clean(String text) {
        return NOT_XML.matcher(LINE_BREAK.matcher(text).replaceAll(" ")).replaceAll("");
    }

    private static void spacing(XWPFParagraph p, int before, int after, int line, STLineSpacingRule.Enum rule) {
        CTPPr properties = p.getCTPPr();
        CTSpacing spacing = properties.isSetSpacing() ? properties.getSpacing() : properties.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(before));
        spacing.setAfter(BigInteger.valueOf(after));
        spacing.setLine(BigInteger.valueOf(line));
        spacing.setLineRule(rule);
    }

    private static void offGrid(XWPFParagraph p) {
        p.getCTPPr().addNewSnapToGrid().setVal(STOnOff1.OFF);
    }

    private static void tab(XWPFParagraph p, int position) {
        CTTabStop tab = p.getCTPPr().addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(position));
    }

    private static CTPBdr borders(XWPFParagraph p) {
        CTPPr properties = p.getCTPPr();
        return properties.isSetPBdr() ? properties.getPBdr() : properties.addNewPBdr();
    }

    private static void border(CTBorder border, int eighthsOfPoint) {
        border.setVal(STBorder.SINGLE);
        border.setSz(BigInteger.valueOf(eighthsOfPoint));
        border.setSpace(BigInteger.ONE);
        border.setColor(BLACK);
    }

    /** POI stamps each zip entry with the time of writing; the issue date instead makes the bytes stable. */
    private static byte[] withFixedTimes(byte[] docx, LocalDateTime time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(time);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static int twips(double millimetres) {
        return (int) Math.round(millimetres * 1440 / 25.4);
    }
}
