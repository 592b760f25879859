//! The demo company's people: given and family names of the cultures its offices hire from.
//!
//! Lists are comma-separated text rather than arrays so that a hundred names take five lines, not
//! a hundred (rustfmt puts each array item on its own line). Names written in another script carry
//! their Latin spelling after a colon (`田中:Tanaka`): mail addresses are Latin whatever the name.

/// Names of one culture; `family_first` cultures write the family name first.
pub(super) struct Culture {
    pub given: &'static str,
    pub family: &'static str,
    pub family_first: bool,
    /// Between the two names: Korean names have none.
    pub separator: &'static str,
}

pub(super) const ENGLISH: Culture = Culture {
    given: "James, Mary, Robert, Patricia, John, Jennifer, Michael, Linda, David, Elizabeth, William, \
        Barbara, Richard, Susan, Joseph, Jessica, Thomas, Sarah, Christopher, Karen, Daniel, Lisa, \
        Matthew, Nancy, Anthony, Betty, Mark, Sandra, Steven, Ashley, Andrew, Emily, Joshua, Donna, \
        Kevin, Michelle, Brian, Carol, George, Amanda, Timothy, Melissa, Ronald, Deborah, Jason, \
        Stephanie, Ryan, Rebecca, Jacob, Laura, Gary, Sharon, Nicholas, Cynthia, Eric, Kathleen, \
        Jonathan, Amy, Stephen, Angela, Larry, Shirley, Justin, Brenda, Scott, Emma, Brandon, Anna, \
        Benjamin, Pamela, Samuel, Nicole, Gregory, Samantha, Alexander, Katherine, Patrick, \
        Christine, Frank, Rachel, Raymond, Heather, Jack, Olivia, Dennis, Megan, Jerry, Hannah, \
        Tyler, Grace, Aaron, Chloe, Henry, Lauren, Adam, Madison, Nathan, Abigail, Zachary, Natalie",
    family: "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas, \
        Moore, Jackson, Martin, Lee, Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, \
        Allen, King, Wright, Scott, Hill, Green, Adams, Baker, Nelson, Carter, Mitchell, Roberts, \
        Turner, Phillips, Campbell, Parker, Evans, Edwards, Collins, Stewart, Morris, Rogers, Reed, \
        Cook, Morgan, Bell, Bailey, Cooper, Richardson, Cox, Howard, Ward, Peterson, Gray, Watson, \
        Brooks, Sanders, Price, Bennett, Wood, Barnes, Ross, Henderson, Coleman, Jenkins, Perry, \
        Powell, Long, Patterson, Hughes, Washington, Butler, Simmons, Foster, Bryant, Russell, \
        Griffin, Hayes, Myers, Ford, Hamilton, Graham, Wallace, Woods, Cole, West, Jordan, Owens, \
        Reynolds, Fisher, Ellis, Harrison, McAllister, Smith-Jones, MacLeod, Fraser, Holloway",
    family_first: false,
    separator: " ",
};

pub(super) const IRISH: Culture = Culture {
    given: "Siobhán, Ciarán, Aoife, Niamh, Seán, Eoin, Róisín, Cormac, Orla, Declan, Fiona, Liam, \
        Saoirse, Pádraig, Eimear, Conor, Sinéad, Darragh, Clodagh, Oisín",
    family: "O'Brien, Murphy, Kelly, O'Sullivan, Walsh, Byrne, Ryan, O'Connor, McCarthy, Doyle, \
        Gallagher, Kennedy, Lynch, Quinn, Fitzgerald, Brennan, Nolan, Keane, Daly, Moran",
    family_first: false,
    separator: " ",
};

pub(super) const HISPANIC: Culture = Culture {
    given: "José, María, Juan, Carmen, Luis, Ana, Carlos, Lucía, Javier, Sofía, Miguel, Isabel, \
        Alejandro, Elena, Diego, Paula, Fernando, Marta, Jorge, Verónica, Pablo, Cristina, Andrés, \
        Raquel, Ricardo, Beatriz, Sergio, Valentina, Rafael, Daniela, Ángel, Ximena, Eduardo, \
        Gabriela, Roberto, Camila",
    family: "García, Martínez, Rodríguez, López, Hernández, González, Pérez, Sánchez, Ramírez, \
        Torres, Flores, Rivera, Gómez, Díaz, Cruz, Morales, Reyes, Ortiz, Gutiérrez, Chávez, Ramos, \
        Ruiz, Jiménez, Álvarez, Moreno, Romero, Herrera, Medina, Castillo, Vargas, Núñez, Castro, \
        Ortega, Delgado, Fernández, de la Cruz",
    family_first: false,
    separator: " ",
};

pub(super) const INDIAN: Culture = Culture {
    given: "Aarav, Priya, Rahul, Ananya, Arjun, Divya, Vikram, Kavya, Rohan, Sneha, Aditya, Pooja, \
        Karthik, Meera, Sanjay, Neha, Amit, Shreya, Rajesh, Anjali, Suresh, Lakshmi, Nikhil, Deepa, \
        Varun, Isha, Harish, Nandini, Manish, Swati",
    family: "Sharma, Patel, Iyer, Reddy, Nair, Gupta, Singh, Kumar, Rao, Menon, Joshi, Mehta, Desai, \
        Pillai, Chatterjee, Banerjee, Mukherjee, Agarwal, Bhat, Kulkarni, Shah, Verma, Krishnan, \
        Subramanian, Das",
    family_first: false,
    separator: " ",
};

/// Romanised and given name first, as Chinese and Singaporean staff of Western companies are
/// listed; the Hokkien spellings (Tan, Lim, Ng, Goh, Teo) are Singapore's.
pub(super) const CHINESE: Culture = Culture {
    given: "Wei, Fang, Na, Min, Jing, Lei, Yan, Hao, Xin, Jun, Mei, Tao, Ying, Hui, Qiang, Yu, \
        Xiaoming, Jiahui, Zhiwei, Shu, Kai, Jia Hui, Wei Ling, Kok Leong",
    family: "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, He, \
        Lin, Luo, Tan, Lim, Ng, Goh, Teo",
    family_first: false,
    separator: " ",
};

/// Written in kanji, family name first, as a Japanese subsidiary's directory shows them.
pub(super) const JAPANESE: Culture = Culture {
    given: "健一:Kenichi, 由美:Yumi, 大輔:Daisuke, 陽菜:Hina, 翔太:Shota, さくら:Sakura, 太郎:Taro, \
        花子:Hanako, 直樹:Naoki, 美咲:Misaki, 拓也:Takuya, 恵子:Keiko, 浩二:Koji, 真由美:Mayumi, \
        悠斗:Yuto, 愛:Ai, 誠:Makoto, 香織:Kaori, 隆:Takashi, 彩:Aya",
    family: "佐藤:Sato, 鈴木:Suzuki, 高橋:Takahashi, 田中:Tanaka, 渡辺:Watanabe, 伊藤:Ito, \
        山本:Yamamoto, 中村:Nakamura, 小林:Kobayashi, 加藤:Kato, 吉田:Yoshida, 山田:Yamada, \
        佐々木:Sasaki, 山口:Yamaguchi, 松本:Matsumoto, 井上:Inoue, 木村:Kimura, 林:Hayashi, \
        清水:Shimizu, 森:Mori",
    family_first: true,
    separator: " ",
};

/// Written in Hangul, family name first.
pub(super) const KOREAN: Culture = Culture {
    given: "민준:Minjun, 서연:Seoyeon, 지호:Jiho, 하은:Haeun, 도윤:Doyun, 수아:Sua, 준영:Junyoung, \
        혜진:Hyejin, 성민:Sungmin, 지우:Jiwoo, 현우:Hyunwoo, 은지:Eunji",
    family: "김:Kim, 이:Lee, 박:Park, 최:Choi, 정:Jung, 강:Kang, 조:Cho, 윤:Yoon, 장:Jang, 임:Lim",
    family_first: true,
    separator: "",
};

pub(super) const GERMAN: Culture = Culture {
    given: "Lukas, Anna, Jonas, Lea, Felix, Sophie, Maximilian, Laura, Jürgen, Katrin, Stefan, Julia, \
        Tobias, Sabine, Matthias, Claudia, Florian, Petra, Andreas, Birgit, Sebastian, Ute, Jörg, \
        Anke, Dominik, Franziska, Thorsten, Mareike, Uwe, Heike",
    family: "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, \
        Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, \
        Krüger, Hofmann, Hartmann, Lange, Werner, Krause, Lehmann, Köhler, Weiß",
    family_first: false,
    separator: " ",
};

pub(super) const FRENCH: Culture = Culture {
    given: "François, Hélène, Chloé, Julien, Camille, Nicolas, Élodie, Mathieu, Céline, Antoine, \
        Amélie, Guillaume, Léa, Thomas, Manon, Sébastien, Aurélie, Pierre, Margaux, Olivier, Inès, \
        Benoît, Clémence, Jérôme",
    family: "Martin, Bernard, Dubois, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, \
        Lefèvre, Michel, Garnier, Faure, Rousseau, Blanc, Girard, Chevalier, Fontaine, Mercier, \
        Lambert, Bonnet, Lemaître",
    family_first: false,
    separator: " ",
};

pub(super) const NORDIC: Culture = Culture {
    given: "Erik, Astrid, Lars, Ingrid, Johan, Elin, Nils, Sofia, Anders, Maja, Björn, Karin, Mårten, \
        Åsa, Oskar, Linnea, Søren, Freja, Mikael, Sara",
    family: "Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, \
        Gustafsson, Lindqvist, Åberg, Lindberg, Bergström, Holm, Sundberg, Nyström, Ek, Öberg, Dahl",
    family_first: false,
    separator: " ",
};

pub(super) const PORTUGUESE: Culture = Culture {
    given: "João, Maria, Pedro, Ana, Lucas, Juliana, Gabriel, Fernanda, Rafael, Beatriz, Mateus, \
        Larissa, Gustavo, Camila, Thiago, Letícia, Bruno, Mariana, Felipe, Inês, Rodrigo, Vitória",
    family: "Silva, Santos, Oliveira, Souza, Rodrigues, Ferreira, Alves, Pereira, Lima, Gomes, Costa, \
        Ribeiro, Martins, Carvalho, Almeida, Lopes, Soares, Fernandes, Vieira, Barbosa, Gonçalves, \
        Araújo",
    family_first: false,
    separator: " ",
};

pub(super) const DUTCH: Culture = Culture {
    given: "Daan, Emma, Sem, Julia, Lucas, Sanne, Bram, Lotte, Thijs, Fleur, Joost, Anouk, Ruben, \
        Femke, Pieter, Sophie",
    family: "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Visser, Smit, Meijer, de Boer, \
        Mulder, de Groot, Bos, Vos, Peters, Hendriks",
    family_first: false,
    separator: " ",
};

pub(super) const ARABIC: Culture = Culture {
    given: "Omar, Layla, Yusuf, Fatima, Ahmed, Mariam, Khalid, Noor, Hassan, Amira, Tariq, Rania",
    family: "Haddad, Khoury, Nasser, Saleh, Mansour, Farah, Aziz, Hakim, Rahman, Karim, Al-Amin",
    family_first: false,
    separator: " ",
};

/// Whom any office hires besides its locals: a global company's mix.
pub(super) const GLOBAL: &[(&Culture, u32)] = &[
    (&ENGLISH, 40),
    (&INDIAN, 16),
    (&HISPANIC, 12),
    (&CHINESE, 10),
    (&IRISH, 4),
    (&GERMAN, 4),
    (&FRENCH, 4),
    (&PORTUGUESE, 3),
    (&ARABIC, 3),
    (&KOREAN, 2),
    (&NORDIC, 2),
];
